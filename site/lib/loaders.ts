// Content loaders for the site, built on the same reading and validation as `ofm validate`:
// files with errors are left out (and reported), never half-shown.
import type { Loader } from 'astro/loaders';
import { classifyPath, projectRelative, type FileKind } from '../../scripts/lib/layout.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { VERDICT_RULES } from '../../scripts/lib/rules/index.ts';
import { dataFiles, validateFile } from '../../scripts/lib/validate.ts';

/** The OFM project the site is built from. */
export const dataRoot = (): string => process.env['OFM_DATA_ROOT'] ?? process.cwd();

export function ofmLoader(kind: FileKind): Loader {
  return {
    name: `ofm-${kind}`,
    async load({ store, logger }) {
      const root = dataRoot();
      const project = await openProject(root);
      store.clear();
      for (const file of await dataFiles(project, [])) {
        const relativePath = projectRelative(root, file);
        if (!relativePath || classifyPath(relativePath) !== kind) continue;
        const result = await validateFile(project, file, kind);
        const errors = result.diagnostics.filter((d) => d.severity === 'error' && !VERDICT_RULES.has(d.rule));
        if (errors.length > 0 || result.data === undefined) {
          logger.warn(`Left out ${relativePath}: ${errors.length} error(s); run \`npx ofm validate ${relativePath}\`.`);
          continue;
        }
        store.set({ id: relativePath, data: result.data as Record<string, unknown> });
      }
    },
  };
}
