import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

const evidence = '  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]';

describe('feature-value', () => {
  it('accepts values of the right type and allowed values, including "other: <text>"', async () => {
    const features = [
      `scpua:\n  value: [amd64, arm64, "other: riscv64"]\n${evidence}`,
      `tlssp:\n  value: true\n${evidence}`,
      `coext:\n  value: 51\n${evidence}`,
      `olmcl:\n  value: Auto Pilot\n${evidence}`,
      `pgver:\n  value: ["18", "17"]\n${evidence}`,
    ].join('\n');
    expect(only(await withSubmission(submission(features)), 'feature-value')).toEqual([]);
  });

  it('reports a value of the wrong type with an example', async () => {
    const [finding] = only(await withSubmission(submission(`tlssp:\n  value: "yes"\n${evidence}`)), 'feature-value');
    expect(finding).toMatchObject({ line: 8, column: 12, message: 'tlssp (TLS Support) takes true or false, not "yes".' });
    expect(finding?.hint).toBe('For example: value: true.');
  });

  it('reports a single text where a list belongs', async () => {
    const [finding] = only(await withSubmission(submission(`scpua:\n  value: amd64\n${evidence}`)), 'feature-value');
    expect(finding?.hint).toBe('Write it as a list: value: ["amd64"].');
  });

  it('reports an unknown list item at its position, with the closest value and the other: form', async () => {
    const findings = only(await withSubmission(submission(`scpua:\n  value: [amd64, amd65]\n${evidence}`)), 'feature-value');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 8, column: 20 });
    expect(findings[0]?.hint).toContain('Did you mean "amd64"?');
    expect(findings[0]?.hint).toContain('"other: amd65"');
  });

  it('suggests the canonical spelling for a known alias or a case difference', async () => {
    const findings = only(await withSubmission(submission(`instm:\n  value: [helm, Operator Bundle]\n${evidence}`)), 'feature-value');
    expect(findings.map((f) => f.hint.split('?')[0])).toEqual(['Did you mean "Helm"', 'Did you mean "OLM"']);
  });

  it('does not offer "other:" where the catalogue closes the list', async () => {
    const [finding] = only(await withSubmission(submission(`olmcl:\n  value: Level 6\n${evidence}`)), 'feature-value');
    expect(finding?.hint).not.toContain('other:');
  });

  it('checks patterns and duplicates', async () => {
    const findings = only(await withSubmission(submission(`pgver:\n  value: ["17", "16.4", "17"]\n${evidence}`)), 'feature-value');
    expect(findings.map((f) => f.message)).toEqual(['"16.4" is not a PostgreSQL major version such as "17".', '"17" is listed twice.']);
  });

  it('rejects negative counts', async () => {
    const [finding] = only(await withSubmission(submission(`coext:\n  value: -1\n${evidence}`)), 'feature-value');
    expect(finding?.message).toContain('takes a whole number');
  });
});
