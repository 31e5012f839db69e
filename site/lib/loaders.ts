// Content loaders for the site, built on the same reading and validation as `ofm validate`:
// files with errors are left out (and reported), never half-shown.
import type { Loader } from 'astro/loaders';
import { validEntries } from '../../scripts/lib/dataset.ts';
import type { FileKind } from '../../scripts/lib/layout.ts';
import { openProject } from '../../scripts/lib/project.ts';

/** The OFM project the site is built from. */
export const dataRoot = (): string => process.env['OFM_DATA_ROOT'] ?? process.cwd();

export function ofmLoader(kind: FileKind): Loader {
  return {
    name: `ofm-${kind}`,
    async load({ store, logger }) {
      const { entries, leftOut } = await validEntries(await openProject(dataRoot()), [kind]);
      store.clear();
      for (const { file, errors } of leftOut) logger.warn(`Left out ${file}: ${errors} error(s); run \`npx ofm validate ${file}\`.`);
      for (const entry of entries) store.set({ id: entry.id, data: entry.data as Record<string, unknown> });
    },
  };
}
