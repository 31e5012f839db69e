import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOfm } from '../helpers/cli.ts';
import { OPERATOR_YAML, repoRoot, testProject } from '../helpers/project.ts';

describe('ofm new', () => {
  it('writes a submission and an operator.yaml, then tells what to do next', async () => {
    const project = await testProject();
    const run = await runOfm(['new', '--operator', 'demo', '--version', '1.2.0', '--released', '2026-05-22'], project.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote submissions/postgres/demo/1.2.0.yaml and submissions/postgres/demo/operator.yaml.');
    expect(run.stdout).toContain('npx ofm validate submissions/postgres/demo');
    const text = await readFile(join(project.root, 'submissions/postgres/demo/1.2.0.yaml'), 'utf8');
    expect(text).toContain('released: "2026-05-22"');
    // The submission is valid as written (its unknowns are warnings to work through); only the
    // operator metadata has blanks that are errors.
    const check = await runOfm(['validate', '--format', 'json'], project.root);
    const errors = (JSON.parse(check.stdout).findings as { file: string; severity: string }[]).filter((f) => f.severity === 'error');
    expect([...new Set(errors.map((f) => f.file))]).toEqual(['submissions/postgres/demo/operator.yaml']);
    expect(await readFile(join(project.root, 'submissions/postgres/demo/operator.yaml'), 'utf8')).toContain('  unpinned:\n    - https://example.org/docs/latest/');
  });

  it('starts a release from an earlier one with --from, and refuses to overwrite without --force', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await runOfm(['new', '--operator', 'demo', '--version', '1.2.0', '--released', '2026-05-22'], project.root);
    const next = await runOfm(['new', '--operator', 'demo', '--version', '1.3.0', '--from', '1.2.0', '--released', '2026-08-01'], project.root);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('Claims are copied from 1.2.0, with its comments and layout');
    expect((await runOfm(['validate'], project.root)).code).toBe(0);
    const again = await runOfm(['new', '--operator', 'demo', '--version', '1.3.0'], project.root);
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('submissions/postgres/demo/1.3.0.yaml already exists; add --force to overwrite it.');
  });

  it('moves CloudNativePG 1.30.0 to 1.30.1 in place and says what to check', async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const run = await runOfm(['new', '--operator', 'cloudnative-pg', '--version', '1.30.1', '--from', '1.30.0', '--released', '2026-12-01'], project.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ evidence link\(s\) now point at 1\.30\.1; check that each page still shows the claim: npx ofm evidence submissions\/postgres\/cloudnative-pg\/1\.30\.1\.yaml/);
    const before = (await readFile(join(repoRoot, 'submissions/postgres/cloudnative-pg/1.30.0.yaml'), 'utf8')).split('\n');
    const after = (await readFile(join(project.root, 'submissions/postgres/cloudnative-pg/1.30.1.yaml'), 'utf8')).split('\n');
    expect(after).toHaveLength(before.length);
    for (const line of after.filter((l, i) => l !== before[i])) expect(line).toMatch(/^(# .*1\.30\.1|version: "1\.30\.1"|released: "2026-12-01"|release_notes: |\s+(- )?url: .*1\.30\.1)/);
  });

  it.each([
    [['new', '--version', '1.0.0'], 'Give --operator <id>'],
    [['new', '--operator', 'Demo', '--version', '1.0.0'], 'Give --operator <id>'],
    [['new', '--operator', 'demo', '--version', 'v1.0.0'], 'without a leading "v"'],
    [['new', '--operator', 'demo', '--version', '1.0.0', '--technology', 'mysql'], 'There is no usable catalogue for "mysql"'],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runOfm(args, (await testProject()).root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
