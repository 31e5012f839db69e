import { describe, expect, it } from 'vitest';
import { claimDigest } from '../../../scripts/lib/digest.ts';
import type { ConformanceReport } from '../../../scripts/lib/conformance/report.ts';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const tls = { value: true, evidence: [{ title: 'TLS', url: 'https://demo.example.org/docs/1.2/tls/' }] };
const claims = `tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]\ntblsp:\n  value: false`;

function report(overrides: Partial<ConformanceReport> = {}): ConformanceReport {
  return {
    tool: 'ofm 0.1.0',
    operator: 'demo',
    version: '1.2.0',
    catalogue: 'postgres@1.0.0',
    kubernetes: { version: 'v1.37.2', minor: '1.37' },
    level: 'api',
    started_at: '2026-12-01T10:00:00Z',
    finished_at: '2026-12-01T10:00:02Z',
    status: 'completed',
    features: [
      { feature: 'tlssp', support: 'full', claim_digest: claimDigest(tls), verdict: 'confirmed', level: 'api', detail: 'ok', probes: [] },
      { feature: 'tblsp', support: 'none', claim_digest: claimDigest({ value: false }), verdict: 'contradicted', level: 'api', detail: 'Claimed not supported, but: Cluster has spec.tablespaces.', probes: [] },
    ],
    summary: { confirmed: 1, contradicted: 1, inconclusive: 0, not_probeable: 0 },
    ...overrides,
  };
}

async function check(text: string, beside: unknown) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', text);
  await project.write('submissions/postgres/demo/1.2.0.conformance.json', typeof beside === 'string' ? beside : JSON.stringify(beside));
  return only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'conformance-report');
}

describe('conformance-report', () => {
  it('turns a contradiction into an error on the claim, with the date and Kubernetes version', async () => {
    const findings = await check(submission(claims), report());
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', line: 10, column: 3, message: 'The conformance run of 2026-12-01 on Kubernetes 1.37 contradicts this claim: Claimed not supported, but: Cluster has spec.tablespaces.' }),
    ]);
  });

  it('warns that a result no longer counts once its claim changed', async () => {
    const findings = await check(submission(claims.replace('value: false', 'value: true\n  evidence: [{ title: T, url: "https://demo.example.org/docs/1.2/t/" }]')), report());
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', line: 10, message: '1.2.0.conformance.json checked an earlier version of this claim (contradicted 2026-12-01 on Kubernetes 1.37); the result no longer counts.' })]);
  });

  it('uses nothing of a report about another release, of a failed run, or that is not valid', async () => {
    expect((await check(submission(claims), report({ version: '1.1.0' })))[0]?.message).toBe('1.2.0.conformance.json is about version 1.1.0, not 1.2.0; its results are not used.');
    expect((await check(submission(claims), report({ status: 'failed', error: 'the cluster could not be reached' })))[0]?.message).toBe('The conformance run of 2026-12-01 failed: the cluster could not be reached; its results are not used.');
    expect((await check(submission(claims), '{ not json'))[0]?.message).toBe('1.2.0.conformance.json cannot be used: it is not valid JSON.');
    expect((await check(submission(claims), { operator: 'demo' }))[0]?.message).toBe('1.2.0.conformance.json cannot be used: it does not match its schema.');
  });
});
