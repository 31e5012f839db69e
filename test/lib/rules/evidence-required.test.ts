import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

describe('evidence-required', () => {
  it('accepts positive claims with evidence, and negative or unknown claims without', async () => {
    const features = 'tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]\nhugpa:\n  value: false\nautfa:\n  support: unknown';
    expect(only(await withSubmission(submission(features)), 'evidence-required')).toEqual([]);
  });

  it('reports a full claim without evidence at its key', async () => {
    const [finding] = only(await withSubmission(submission('tlssp:\n  value: true')), 'evidence-required');
    expect(finding).toMatchObject({ line: 7, column: 3, message: 'tlssp (TLS Support) is claimed as "full" without evidence.' });
    expect(finding?.hint).toContain('release tag');
  });

  it('reports a partial claim with an empty evidence list', async () => {
    const findings = only(await withSubmission(submission('autfa:\n  value: true\n  support: partial\n  notes: Only with 3 instances.\n  evidence: []')), 'evidence-required');
    expect(findings).toHaveLength(1);
  });

  it('does not require evidence where the catalogue only recommends it', async () => {
    expect(only(await withSubmission(submission('coios:\n  value: [debian]')), 'evidence-required')).toEqual([]);
  });
});
