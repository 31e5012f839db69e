// A vendor's own repository: submissions/ in OFM's layout, without features/ or schema/. OFM judges
// it by the catalogues of the OFM that runs (here this repository; for vendors, the npm package).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import { PUBLISHED_SCHEMA_BASE } from '../../scripts/lib/layout.ts';
import { runOfm } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/project.ts';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function vendorRepository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ofm-vendor-'));
  made.push(root);
  await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
  return root;
}

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Diagnostic[] }).findings;

describe('ofm in a vendor\'s repository', () => {
  it('checks every submission with no paths given, from any folder in it, by the shipped catalogue', async () => {
    const root = await vendorRepository();
    const files = (await readdir(join(root, 'submissions/postgres/cloudnative-pg'))).length;
    const whole = await runOfm(['validate'], root);
    expect(whole).toMatchObject({ code: 0, stdout: `✔ ${files} files checked, no problems.\n` });
    // From a folder inside it, paths are still shown from the repository's root.
    const path = join(root, 'submissions/postgres/cloudnative-pg/1.30.0.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^ {2}tlssp:/m, '  tlsspx:'));
    const inside = await runOfm(['validate', '--format', 'json', '1.30.0.yaml'], join(root, 'submissions/postgres/cloudnative-pg'));
    expect(inside.code).toBe(1);
    const errors = findings(inside.stdout).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.file, f.rule])).toEqual([['submissions/postgres/cloudnative-pg/1.30.0.yaml', 'unknown-feature']]);
  });

  it('takes a schema line with the published address, or the one the file has in OFM, and suggests the published one', async () => {
    const root = await vendorRepository();
    const operator = join(root, 'submissions/postgres/cloudnative-pg/operator.yaml');
    const text = await readFile(operator, 'utf8');
    const published = `# yaml-language-server: $schema=${PUBLISHED_SCHEMA_BASE}operator.schema.json`;
    await writeFile(operator, text.replace(/^.*\n/, `${published}\n`));
    expect(findings((await runOfm(['validate', '--format', 'json', operator], root)).stdout)).toEqual([]);

    await writeFile(operator, text.replace(/^.*\n/, '# yaml-language-server: $schema=schema/operator.schema.json\n'));
    const wrong = findings((await runOfm(['validate', '--format', 'json', operator], root)).stdout);
    expect(wrong.map((f) => [f.rule, f.severity, f.hint])).toEqual([['schema-comment', 'warning', `Make the first line: ${published}`]]);
  });

  it('asks for paths in a folder that is neither an OFM project nor holds submissions/', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ofm-empty-'));
    made.push(empty);
    const run = await runOfm(['validate'], empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nor in a repository of submissions (no submissions/ folder above)');
  });
});
