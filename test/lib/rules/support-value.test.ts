import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

const evidence = '  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]';

describe('support-value', () => {
  it('accepts support that agrees with the value', async () => {
    const features = `tlssp:\n  value: true\n  support: full\n${evidence}\nhugpa:\n  value: false\n  support: none\nautfa:\n  support: unknown`;
    expect(only(await withSubmission(submission(features)), 'support-value')).toEqual([]);
  });

  it('reports full support with a negative value', async () => {
    const [finding] = only(await withSubmission(submission(`tlssp:\n  value: false\n  support: full\n${evidence}`)), 'support-value');
    expect(finding).toMatchObject({ line: 9, column: 14, message: 'tlssp is "full" but its value false says it is not supported.' });
  });

  it('reports none with a positive value, and unknown with a value', async () => {
    const findings = only(await withSubmission(submission('scpua:\n  value: [amd64]\n  support: none\ntlssp:\n  value: true\n  support: unknown')), 'support-value');
    expect(findings.map((f) => f.message)).toEqual([
      'scpua is "none" but its value ["amd64"] says it is supported.',
      'tlssp is "unknown" but has a value.',
    ]);
  });
});
