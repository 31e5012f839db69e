// Look-ups several submission rules share.
import { basename, dirname } from 'node:path';
import { parseCatalogueRef, type CatalogueIndex } from '../catalogue.ts';
import { isRecord } from '../claims.ts';
import type { DataSubject } from './rule.ts';

/** The catalogue a submission names, when it names one the project has. */
export function catalogueOf({ data, project }: DataSubject): CatalogueIndex | undefined {
  const ref = parseCatalogueRef(isRecord(data) ? data['catalogue'] : undefined);
  if (!ref) return undefined;
  const index = project.catalogues.get(ref.technology);
  return index?.versions.has(ref.version) ? index : undefined;
}

/** The names a file sits under: …/<grandparent>/<parent>/<file>. */
export function folders(absolutePath: string): { file: string; parent: string; grandparent: string } {
  const parent = dirname(absolutePath);
  return { file: basename(absolutePath), parent: basename(parent), grandparent: basename(dirname(parent)) };
}
