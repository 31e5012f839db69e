// What rules may know beyond the file in hand: the project root, its catalogues, which files
// exist. Opened once per run.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createAjv, validatorFor, type Ajv } from './ajv.ts';
import { indexCatalogue, type Catalogue, type CatalogueIndex } from './catalogue.ts';
import { cachedDerivation } from './derived-cache.ts';
import { contextData } from './fast-tier.ts';
import { cataloguePath, FEATURES_DIR, findProjectRoot } from './layout.ts';
import { schemas } from './schemas.ts';
import { decodeText, readFileBytes } from './source.ts';

export interface Project {
  readonly root: string;
  readonly ajv: Ajv;
  /** Catalogues that loaded and match their schema, by technology. */
  readonly catalogues: ReadonlyMap<string, CatalogueIndex>;
  /** Technologies whose catalogue file exists but cannot be used until it is fixed. */
  readonly brokenCatalogues: ReadonlySet<string>;
  exists(relativePath: string): boolean;
}

async function loadCatalogue(root: string, ajv: () => Ajv, absolutePath: string): Promise<Catalogue | undefined> {
  try {
    const { bytes } = await readFileBytes(absolutePath);
    if (!bytes) return undefined;
    // Reading and checking the whole catalogue is most of a short run's work: cached by its bytes.
    const catalogue = cachedDerivation(root, 'catalogue', bytes, () => {
      const data = contextData(decodeText(bytes));
      return validatorFor<Catalogue>(ajv, schemas.catalogue.$id)(data) ? (data as Catalogue) : null;
    });
    return catalogue ?? undefined;
  } catch {
    // Unreadable catalogues are reported when the catalogue file itself is validated.
    return undefined;
  }
}

export async function openProject(root: string): Promise<Project> {
  // Validators are precompiled; an Ajv instance is made only when one must be compiled.
  let made: Ajv | undefined;
  const lazy = { get ajv(): Ajv { return (made ??= createAjv()); } };
  const catalogues = new Map<string, CatalogueIndex>();
  const brokenCatalogues = new Set<string>();
  const featuresDir = join(root, FEATURES_DIR);
  const technologies = existsSync(featuresDir)
    ? (await readdir(featuresDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  for (const technology of technologies.sort()) {
    const path = join(root, cataloguePath(technology));
    if (!existsSync(path)) continue;
    const catalogue = await loadCatalogue(root, () => lazy.ajv, path);
    if (catalogue && catalogue.technology === technology) catalogues.set(technology, indexCatalogue(catalogue));
    else brokenCatalogues.add(technology);
  }
  return {
    root,
    get ajv() {
      return lazy.ajv;
    },
    catalogues,
    brokenCatalogues,
    exists: (rel) => existsSync(join(root, rel)),
  };
}

/**
 * The projects the given files and folders belong to, each with its paths: a file is judged by
 * the project it sits in, wherever OFM is run from. Paths outside any project go with `fallback`
 * (the project around the working directory, or the working directory itself).
 */
export async function openProjectsFor(paths: readonly string[], fallback: string): Promise<Array<{ project: Project; paths: string[] }>> {
  const byRoot = new Map<string, string[]>();
  for (const path of paths) {
    const folder = (await stat(path).then((s) => s.isDirectory(), () => false)) ? path : dirname(path);
    const root = findProjectRoot(folder) ?? fallback;
    byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
  }
  return Promise.all([...byRoot].map(async ([root, rootPaths]) => ({ project: await openProject(root), paths: rootPaths })));
}
