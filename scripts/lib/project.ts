// What rules may know beyond the file in hand: the project root, its catalogues, which files
// exist. Opened once per run. A project is an OFM repository (features/ and schema/), or a
// vendor's repository that keeps only submissions/ and is judged by the catalogues of the OFM
// that is running (the installed package, or this repository).
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, validatorFor, type Ajv } from './ajv.ts';
import { indexCatalogue, type Catalogue, type CatalogueIndex } from './catalogue.ts';
import { cachedDerivation } from './derived-cache.ts';
import { contextData } from './fast-tier.ts';
import { cataloguePath, FEATURES_DIR, findProjectRoot, findSubmissionsRoot, schemaLinksOf } from './layout.ts';
import { schemas } from './schemas.ts';
import { decodeText, readFileBytes } from './source.ts';
import { CLI_PACKAGE } from './tool.ts';

export interface Project {
  readonly root: string;
  /** The folder whose features/ the catalogues were read from: `root` itself, except in a vendor's repository. */
  readonly catalogueRoot: string;
  readonly ajv: Ajv;
  /** Catalogues that loaded and match their schema, by technology. */
  readonly catalogues: ReadonlyMap<string, CatalogueIndex>;
  /** Technologies whose catalogue file exists but cannot be used until it is fixed. */
  readonly brokenCatalogues: ReadonlySet<string>;
  exists(relativePath: string): boolean;
}

/** Where a project's files are, and where its catalogues come from. */
export interface ProjectPlace {
  readonly root: string;
  readonly catalogueRoot: string;
}

let installed: { root: string | undefined } | undefined;

/**
 * The folder of the OFM that is running, which holds features/ and schema/: this repository
 * (its sources, or the launcher's bundle in node_modules/.cache), or the installed package.
 */
export function installedRoot(): string | undefined {
  installed ??= { root: findProjectRoot(dirname(fileURLToPath(import.meta.url))) };
  return installed.root;
}

/** `folder` as a vendor's repository: its own files, the catalogues of the OFM that is running. */
export const vendorPlace = (folder: string, home = installedRoot()): ProjectPlace => ({ root: folder, catalogueRoot: home ?? folder });

/**
 * The project a file or folder belongs to: the OFM project around it; else the vendor's
 * repository around it (the nearest folder above with submissions/); else none.
 */
export function placeOf(start: string, home = installedRoot()): ProjectPlace | undefined {
  const root = findProjectRoot(start);
  if (root) return { root, catalogueRoot: root };
  const vendor = findSubmissionsRoot(start);
  return vendor ? vendorPlace(vendor, home) : undefined;
}

/** Where a command that works on a project works when run in `cwd`: the project around it, or `cwd` itself as a vendor's repository. */
export const placeFor = (cwd: string): ProjectPlace => placeOf(cwd) ?? vendorPlace(cwd);

/** The command that runs OFM in the project, for hints: in a vendor's repository `npx ofm` would fetch an unrelated package. */
export const ofmCommandIn = (project: ProjectPlace): string => (schemaLinksOf(project) === 'relative' ? 'npx ofm' : `npx ${CLI_PACKAGE}`);

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

/** The project at `root`, with the catalogues under `catalogueRoot`'s features/ (by default its own). */
export async function openProject(root: string, catalogueRoot = root): Promise<Project> {
  // Validators are precompiled; an Ajv instance is made only when one must be compiled.
  let made: Ajv | undefined;
  const lazy = { get ajv(): Ajv { return (made ??= createAjv()); } };
  const catalogues = new Map<string, CatalogueIndex>();
  const brokenCatalogues = new Set<string>();
  const featuresDir = join(catalogueRoot, FEATURES_DIR);
  const technologies = existsSync(featuresDir)
    ? (await readdir(featuresDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  for (const technology of technologies.sort()) {
    const path = join(catalogueRoot, cataloguePath(technology));
    if (!existsSync(path)) continue;
    // Cached beside the catalogues, not in a vendor's repository.
    const catalogue = await loadCatalogue(catalogueRoot, () => lazy.ajv, path);
    if (catalogue && catalogue.technology === technology) catalogues.set(technology, indexCatalogue(catalogue));
    else brokenCatalogues.add(technology);
  }
  return {
    root,
    catalogueRoot,
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
 * (the project around the working directory, or the working directory as a vendor's repository).
 */
export async function openProjectsFor(paths: readonly string[], fallback: ProjectPlace): Promise<Array<{ project: Project; paths: string[] }>> {
  const byRoot = new Map<string, { place: ProjectPlace; paths: string[] }>();
  for (const path of paths) {
    const folder = (await stat(path).then((s) => s.isDirectory(), () => false)) ? path : dirname(path);
    const place = placeOf(folder) ?? fallback;
    const key = `${place.root}\0${place.catalogueRoot}`;
    const group = byRoot.get(key) ?? { place, paths: [] };
    group.paths.push(path);
    byRoot.set(key, group);
  }
  return Promise.all([...byRoot.values()].map(async ({ place, paths: rootPaths }) => ({ project: await openProject(place.root, place.catalogueRoot), paths: rootPaths })));
}
