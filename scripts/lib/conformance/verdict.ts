// One place to decide a claim's verdict from what the probes saw: the probes say whether the
// cluster shows the feature; the claim says whether it should.
import type { Support } from '../claims.ts';
import type { FeatureResult, ProbeResult } from '../generated/conformance-report.ts';
import type { ProofLevel } from './probe.ts';

const DEPTH: Record<ProofLevel, number> = { api: 0, controller: 1, behaviour: 2 };

export function verdictFor(support: Support, probes: readonly ProbeResult[]): Pick<FeatureResult, 'verdict' | 'level' | 'detail'> {
  if (probes.length === 0) return { verdict: 'not-probeable', detail: 'No probe bears on this feature.' };
  const ran = probes.filter((p) => p.shows !== 'skipped');
  if (ran.length === 0) return { verdict: 'not-probeable', detail: 'Only scenario probes bear on this feature; run with --level scenario.' };
  const present = ran.filter((p) => p.shows === 'present');
  const absent = ran.filter((p) => p.shows === 'absent');
  const deepest = (list: readonly ProbeResult[]) => list.reduce<ProofLevel>((best, p) => (DEPTH[p.level] > DEPTH[best] ? p.level : best), 'api');

  if (support === 'unknown') {
    const seen = present.length > 0 ? `the cluster shows it (${present[0]!.observed})` : absent.length > 0 ? `the cluster does not show it (${absent[0]!.observed})` : 'the probes could not tell';
    return { verdict: 'inconclusive', detail: `The submission leaves it unknown; ${seen}` };
  }
  const positive = support === 'full' || support === 'partial';
  const against = positive ? absent : present;
  if (against.length > 0) {
    return { verdict: 'contradicted', level: deepest(against), detail: `Claimed ${positive ? 'supported' : 'not supported'}, but: ${against[0]!.observed}` };
  }
  const agreeing = positive ? present : absent;
  if (agreeing.length === ran.length) return { verdict: 'confirmed', level: deepest(agreeing), detail: agreeing.map((p) => p.observed).join(' ') };
  const unclear = ran.find((p) => p.shows === 'unknown')!;
  return { verdict: 'inconclusive', detail: unclear.observed };
}
