import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeSubmission, only, OPERATOR_YAML, submission, testProject, withSubmission } from '../../helpers/project.ts';

describe('schema', () => {
  it('accepts a well-formed submission', async () => {
    const findings = await withSubmission(completeSubmission('tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]'));
    expect(findings).toEqual([]);
  });

  it('reports a missing top-level key at the file start, with what to add', async () => {
    const text = submission('').replace(/released: .*\n/, '');
    const [finding] = only(await withSubmission(text), 'schema');
    expect(finding).toMatchObject({ line: 2, column: 1, severity: 'error', message: 'The file is missing "released".' });
    expect(finding?.hint).toContain('Release date');
  });

  it('points at an unknown key and suggests the closest allowed one', async () => {
    const findings = only(await withSubmission(submission('tlssp:\n  value: true\n  evidense: []\n  notes: x')), 'schema');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 9, column: 5, message: 'features.tlssp: unknown key "evidense".' });
    expect(findings[0]?.hint).toContain('Did you mean "evidence"?');
  });

  it('explains that an unquoted version is read as a number', async () => {
    const [finding] = only(await withSubmission(submission('', { version: '1.30' })), 'schema');
    expect(finding).toMatchObject({ line: 4, column: 10 });
    expect(finding?.message).toContain('the number 1.3');
    expect(finding?.hint).toContain('Quote the value');
  });

  it('reports a list where a mapping belongs, and a claim with neither value nor support', async () => {
    const findings = only(await withSubmission(submission('tlssp: [true]\nautfa: {}')), 'schema');
    expect(findings.map((f) => f.message)).toEqual([
      'features.tlssp: expected a mapping (key: value lines), found a list.',
      'features.autfa: must have a value or a support level.',
    ]);
  });

  it('reports a value of no known type once, without the failed alternatives', async () => {
    const findings = only(await withSubmission(submission('olmcl:\n  value: { level: 3 }')), 'schema');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('must be true or false, a whole number');
  });

  it('checks operator.yaml against the operator schema', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML.replace('license: Apache-2.0', 'license: Apache 2'));
    const findings = only(await project.validate('submissions/postgres/demo/operator.yaml'), 'schema');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7, column: 10 });
    expect(findings[0]?.message).toContain('SPDX');
  });

  it.each(['../../etc/{path}.md', '/etc/{path}', 'docs\\{path}.md', 'docs/../../{path}.md'])('refuses a documentation source path that leaves its folder: %s', async (page) => {
    const project = await testProject();
    const source = `  source:\n    repository: https://github.com/demo/docs\n    ref: v{version}\n    pages: ["${page.replaceAll('\\', '\\\\')}"]\n`;
    await project.write('submissions/postgres/demo/operator.yaml', `${OPERATOR_YAML}${source}`);
    const findings = only(await project.validate('submissions/postgres/demo/operator.yaml'), 'schema');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('must stay inside the documentation source')]);
    expect(findings[0]).toMatchObject({ line: 14 });
  });

  it('checks a top level that is not a mapping', async () => {
    const findings = only(await withSubmission('- catalogue: postgres@1.0.0\n'), 'schema');
    expect(findings[0]?.message).toBe('expected a mapping (key: value lines), found a list.');
    expect(findings[0]).toMatchObject({ line: 1, column: 1 });
  });
});

describe('schema: keys and sizes', () => {
  it('reports a bad key at the key itself, saying what keys look like', async () => {
    const findings = only(await withSubmission(submission('tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]\nTLS_Support:\n  value: true')), 'schema');
    expect(findings).toEqual([
      expect.objectContaining({ line: 10, column: 3, message: 'features: the key "TLS_Support" is not allowed here: keys are lower-case letters, digits and dashes, starting with a letter and have at most 64 characters.' }),
    ]);
  });

  it('refuses a submission that claims nothing', async () => {
    const text = `${submission('').split('features:')[0]}features: {}\n`;
    expect(only(await withSubmission(text), 'schema')).toEqual([expect.objectContaining({ line: 6, column: 1, message: 'features: must claim at least one feature.' })]);
  });

  it('reports 20,000 claims quickly, the "too many" finding first', async () => {
    const claims = Array.from({ length: 20_000 }, (_, i) => `a${String(i).padStart(5, '0')}: {}`).join('\n');
    const start = performance.now();
    const findings = only(await withSubmission(submission(claims)), 'schema');
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(findings[0]?.message).toBe('features: must claim each feature of the catalogue at most once (500 claims at most).');
    expect(findings).toHaveLength(51);
  });
});

describe('schema: catalogue patterns', () => {
  it('refuses a pattern that is invalid the way OFM uses it (with the u flag), so no submission meets it', async () => {
    const project = await testProject();
    const path = 'features/postgres/catalogue.yaml';
    const text = (await readFile(join(project.root, path), 'utf8')).replace("pattern: '^[1-9][0-9]*$'", () => "pattern: '^[1-9][0-9]*\\-?$'");
    await project.write(path, text);
    const line = text.split('\n').findIndex((l) => l.includes("'^[1-9][0-9]*\\-?$'")) + 1;
    const [finding] = only(await project.validate(path), 'schema');
    expect(finding).toMatchObject({ line, message: expect.stringContaining('pattern') });
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission('pgver:\n  value: ["18"]\n  evidence: [{ title: V, url: "https://demo.example.org/docs/1.2/v/" }]'));
    const submissionFindings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(submissionFindings.map((f) => f.rule)).not.toContain('internal-error');
  });
});
