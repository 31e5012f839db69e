import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/lib/generate.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { repoRoot } from '../helpers/project.ts';

describe('generated files', () => {
  it('are up to date with the schemas and catalogues (run `npm run generate` when this fails)', async () => {
    const files = await generatedFiles(await openProject(repoRoot));
    expect(files.map((f) => f.path)).toContain('schema/generated/postgres.submission.schema.json');
    for (const file of files) {
      const committed = await readFile(join(repoRoot, file.path), 'utf8').catch(() => '(missing)');
      expect(committed, `${file.path} is stale`).toBe(file.content);
    }
  });
});
