import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject, withSubmission } from '../../helpers/project.ts';

describe('schema', () => {
  it('accepts a well-formed submission', async () => {
    const findings = await withSubmission(submission('tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]'));
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

  it('checks a top level that is not a mapping', async () => {
    const findings = only(await withSubmission('- catalogue: postgres@1.0.0\n'), 'schema');
    expect(findings[0]?.message).toBe('expected a mapping (key: value lines), found a list.');
    expect(findings[0]).toMatchObject({ line: 1, column: 1 });
  });
});
