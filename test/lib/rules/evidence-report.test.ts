import { describe, expect, it } from 'vitest';
import { claimDigest, submissionDigest } from '../../../scripts/lib/digest.ts';
import type { EvidenceReport } from '../../../scripts/lib/generated/evidence-report.ts';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const tls = { value: true, evidence: [{ title: 'TLS', url: 'https://demo.example.org/docs/1.2/tls/' }, { title: 'Certs', url: 'https://demo.example.org/docs/1.2/certs/' }] };
const claims = 'tlssp:\n  value: true\n  evidence:\n    - { title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }\n    - { title: Certs, url: "https://demo.example.org/docs/1.2/certs/" }';

function report(overrides: Partial<EvidenceReport> = {}): EvidenceReport {
  const link = (index: number, url: string) => ({ feature: 'tlssp', claim_digest: claimDigest(tls), index, url, status: 'verified' as const, via: 'http' as const, anchor: 'none' as const, pinned: true });
  return {
    submission: 'submissions/postgres/demo/1.2.0.yaml',
    submission_digest: submissionDigest({ features: { tlssp: tls } }),
    operator: 'demo',
    version: '1.2.0',
    checked_at: '2026-12-01T10:00:00Z',
    mode: 'online',
    tool: 'ofm 0.1.0',
    links: [link(0, tls.evidence[0]!.url), link(1, tls.evidence[1]!.url)],
    summary: { links: 2, verified: 2, broken: 0, not_checkable: 0, with_warnings: 0 },
    ...overrides,
  };
}

async function check(text: string, beside: unknown) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', text);
  await project.write('submissions/postgres/demo/1.2.0.evidence.json', typeof beside === 'string' ? beside : JSON.stringify(beside));
  return only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'evidence-report');
}

describe('evidence-report', () => {
  it('accepts a report that checked every claim as it stands', async () => {
    expect(await check(submission(claims), report())).toEqual([]);
  });

  it('warns on a claim whose link changed after the check, saying how to refresh it', async () => {
    const findings = await check(submission(claims.replace('docs/1.2/certs/', 'docs/1.2/never-checked/')), report());
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 7,
        column: 3,
        message: '1.2.0.evidence.json checked an earlier version of this claim: 0 of its 2 link(s) are checked as they stand now.',
        hint: expect.stringContaining('npx ofm evidence --write-report 1.2.0.yaml'),
      }),
    ]);
  });

  it('uses nothing of a report about another release, or one that is not valid', async () => {
    expect((await check(submission(claims), report({ version: '1.1.0' })))[0]?.message).toBe('1.2.0.evidence.json is about version 1.1.0, not 1.2.0; its checks are not used.');
    expect((await check(submission(claims), '{ not json'))[0]?.message).toBe('1.2.0.evidence.json cannot be used: it is not valid JSON.');
    expect((await check(submission(claims), { operator: 'demo' }))[0]?.message).toBe('1.2.0.evidence.json cannot be used: it does not match its schema.');
  });
});
