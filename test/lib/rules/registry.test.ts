import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_PROBLEMS } from '../../../scripts/lib/evidence/problems.ts';
import { allRules } from '../../../scripts/lib/rules/index.ts';
import { repoRoot } from '../../helpers/project.ts';

describe('the rule registry', () => {
  it('has unique ids, one source module and one test file per rule', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(existsSync(join(repoRoot, 'scripts/lib/rules', `${id}.ts`)), `scripts/lib/rules/${id}.ts`).toBe(true);
      expect(existsSync(join(repoRoot, 'test/lib/rules', `${id}.test.ts`)), `test/lib/rules/${id}.test.ts`).toBe(true);
    }
  });

  it('is documented in docs/rules.md, which CONTRIBUTING links', async () => {
    const page = await readFile(join(repoRoot, 'docs/rules.md'), 'utf8');
    for (const rule of allRules) expect(page).toContain(`| \`${rule.id}\` |`);
    for (const id of Object.keys(EVIDENCE_PROBLEMS)) expect(page).toContain(`| \`${id}\` |`);
    expect(await readFile(join(repoRoot, 'CONTRIBUTING.md'), 'utf8').catch(() => '')).toContain('docs/rules.md');
  });
});
