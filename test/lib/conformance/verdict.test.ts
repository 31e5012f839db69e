import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../scripts/lib/conformance/report.ts';
import { verdictFor } from '../../../scripts/lib/conformance/verdict.ts';

const probe = (shows: ProbeResult['shows'], level: ProbeResult['level'] = 'api', observed = `${shows} seen`): ProbeResult => ({ probe: 'p', level, shows, observed, duration_ms: 1 });

describe('verdicts', () => {
  it('confirms a positive claim when every probe that ran shows the feature, at the deepest level', () => {
    expect(verdictFor('full', [probe('present'), probe('present', 'controller'), probe('skipped', 'behaviour')])).toMatchObject({ verdict: 'confirmed', level: 'controller' });
  });

  it('contradicts a positive claim as soon as one probe shows it absent, with what was seen', () => {
    expect(verdictFor('partial', [probe('present'), probe('absent', 'api', 'Cluster has no spec.sidecars.')])).toEqual({ verdict: 'contradicted', level: 'api', detail: 'Claimed supported, but: Cluster has no spec.sidecars.' });
  });

  it('contradicts a negative claim that the cluster shows, and confirms one it does not', () => {
    expect(verdictFor('none', [probe('present', 'api', 'Cluster has spec.tablespaces.')]).verdict).toBe('contradicted');
    expect(verdictFor('none', [probe('absent')]).verdict).toBe('confirmed');
  });

  it('is inconclusive when a probe could not tell, or the claim is unknown', () => {
    expect(verdictFor('full', [probe('present'), probe('unknown', 'behaviour', 'timed out')])).toEqual({ verdict: 'inconclusive', detail: 'timed out' });
    expect(verdictFor('unknown', [probe('present')]).verdict).toBe('inconclusive');
  });

  it('says "not probeable" without probes, or with scenario probes skipped at the API level', () => {
    expect(verdictFor('full', []).verdict).toBe('not-probeable');
    expect(verdictFor('full', [probe('skipped', 'behaviour')])).toEqual({ verdict: 'not-probeable', detail: 'Only scenario probes bear on this feature; run with --level scenario.' });
  });
});
