import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runOfm } from '../helpers/cli.ts';
import { OPERATOR_YAML, repoRoot, testProject } from '../helpers/project.ts';

const fixture = join(repoRoot, 'test/fixtures/interchange/example-vendor-1.0-beta1.yaml');

describe('ofm import-ofm and export-ofm', () => {
  it('imports a community submission into submissions/, reporting what it changed', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/example/operator.yaml', OPERATOR_YAML.replace('id: demo', 'id: example'));
    const run = await runOfm(['import-ofm', fixture, '--operator', 'example'], project.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('note: instm: "Carvel" is not one of OFM\'s values; imported as "other: Carvel".');
    expect(run.stdout).toContain('Wrote submissions/postgres/example/2.4.0.yaml.');
    const check = await runOfm(['validate', '--format', 'json', 'submissions/postgres/example/2.4.0.yaml'], project.root);
    // The fixture's evidence for coext is prose, not a link: the validator asks for real evidence.
    // Features the community file left empty stay unknown (left out), and the validator lists them.
    const findings = JSON.parse(check.stdout).findings as { rule: string; message: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['omitted-feature', 'evidence-required']);
    expect(findings[0]!.message).toMatch(/\boffin\b/);
  });

  it('exports to the community layout on standard output', async () => {
    const project = await testProject();
    await runOfm(['import-ofm', fixture, '--operator', 'example'], project.root);
    const run = await runOfm(['export-ofm', 'submissions/postgres/example/2.4.0.yaml'], project.root);
    expect(run.code).toBe(0);
    const exported = parse(run.stdout);
    expect(exported.metadata.submission.version).toBe('2.4.0');
    expect(exported.featureMatrix.categories).toHaveLength(13);
    expect(run.stderr).toContain('are unknown in OFM and are written with an empty value (not filled in)');
    expect(exported.featureMatrix.categories[0].features.find((f: { id: string }) => f.id === 'offin').value).toBeNull();
  });

  it('refuses a malformed input with located findings', async () => {
    const project = await testProject();
    const bad = await project.write('bad.yaml', 'metadata:\n  featureMatrixSpecVersion: 1.0-BETA1\nfeatureMatrix:\n  categories: {}\n');
    const run = await runOfm(['import-ofm', bad], project.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('bad.yaml:1:1  error  ofm-format  metadata is missing "submission".');
    expect(run.stdout).toContain('bad.yaml:4:15  error  ofm-format  featureMatrix.categories: expected a list, found a mapping.');
  });

  it('refuses to export a submission with errors', async () => {
    const project = await testProject();
    const path = await project.write('submissions/postgres/demo/1.0.0.yaml', 'catalogue: postgres@1.0.0\n');
    const run = await runOfm(['export-ofm', path], project.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error  schema');
    expect(await readFile(path, 'utf8')).toBe('catalogue: postgres@1.0.0\n');
  });

  it('refuses a version that is no release number instead of writing where it points', async () => {
    const project = await testProject();
    const text = (await readFile(fixture, 'utf8')).replace('version: 2.4.0', 'version: ../../../../escaped');
    const input = await project.write('hostile.yaml', text);
    const run = await runOfm(['import-ofm', input, '--operator', 'example', '--force'], project.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('hostile.yaml:5:14  error  ofm-format  The version "../../../../escaped" is not a release number such as "2.4.0"');
    expect(existsSync(join(project.root, '..', 'escaped.yaml'))).toBe(false);
    expect(existsSync(join(project.root, 'submissions/postgres'))).toBe(false);
  });
});

