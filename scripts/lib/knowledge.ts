// How much is known about one claim, and since when. Declared by the vendor; evidence-checked
// when every evidence link was found working; confirmed (at the API, controller or behaviour
// level) or contradicted on a live cluster by `ofm conform`. The levels are shown per cell; they
// never add up to a score.
import { evidenceItems, type Claim, type Support } from './claims.ts';
import { claimDigest } from './digest.ts';
import type { ConformanceReport } from './generated/conformance-report.ts';
import type { EvidenceReport, LinkResult } from './generated/evidence-report.ts';

export type KnowledgeLevel = 'declared' | 'evidence-checked' | 'api-confirmed' | 'controller-confirmed' | 'behaviour-confirmed' | 'contradicted';

export interface Knowledge {
  readonly level: KnowledgeLevel;
  /** YYYY-MM-DD */
  readonly since: string;
  readonly detail: string;
  /** For a conformance result: the Kubernetes version it ran on. */
  readonly kubernetes?: string;
}

/** A conformance result for one claim. */
export interface ConformanceResult {
  readonly level: 'api' | 'controller' | 'behaviour';
  readonly outcome: 'confirmed' | 'contradicted';
  /** YYYY-MM-DD */
  readonly at: string;
  readonly detail: string;
  readonly kubernetes?: string;
}

/** What the evidence report says of a claim's links, bound to the claim as it stands. */
export interface EvidenceChecks {
  /** Results by position in the claim's evidence list, for links checked as they are now written. */
  readonly byIndex: ReadonlyMap<number, LinkResult>;
  /** The report checked this feature, but not its current claim (a link or the claim changed since). */
  readonly stale: boolean;
}

/**
 * A report's results for a claim: a result counts only for the same feature, the same URL and
 * the same claim (digest of value, support and evidence) — a link edited after the check, or a
 * claim changed, is no longer "checked".
 */
export function evidenceChecksOf(report: EvidenceReport | undefined, featureKey: string, claim: Claim | undefined): EvidenceChecks {
  const forFeature = report?.links.filter((l) => l.feature === featureKey) ?? [];
  if (!claim || forFeature.length === 0) return { byIndex: new Map(), stale: false };
  const digest = claimDigest(claim);
  const byIndex = new Map<number, LinkResult>();
  // The claim may not have passed its schema yet: items of another shape are never checked.
  for (const { index, url } of evidenceItems(claim as unknown as Record<string, unknown>)) {
    const result = forFeature.find((l) => l.url === url && l.claim_digest === digest);
    if (result) byIndex.set(index, result);
  }
  const listed = Array.isArray(claim.evidence) ? claim.evidence.length : 0;
  return { byIndex, stale: byIndex.size < listed || forFeature.some((l) => l.claim_digest !== digest) };
}

/** Why links could not be checked, in words, with how many links each reason covers (most first). */
export function notCheckableReasons(links: Iterable<{ readonly state?: LinkResult['status']; readonly message?: string }>): [reason: string, count: number][] {
  const counts = new Map<string, number>();
  for (const link of links) {
    if (link.state !== 'not-checkable') continue;
    const reason = link.message ?? 'No checker accepts this link.';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * The conformance result a report holds for a claim: only a completed run's confirmed or
 * contradicted verdict, and only while the claim is the one that was checked (same digest).
 */
export function conformanceResultOf(report: ConformanceReport | undefined, featureId: string, claim: Claim | undefined): ConformanceResult | undefined {
  if (!report || report.status !== 'completed' || !claim) return undefined;
  const result = report.features.find((f) => f.feature === featureId);
  if (!result || (result.verdict !== 'confirmed' && result.verdict !== 'contradicted') || result.claim_digest !== claimDigest(claim)) return undefined;
  return {
    level: result.level ?? 'api',
    outcome: result.verdict,
    at: report.finished_at.slice(0, 10),
    detail: result.detail,
    ...(report.kubernetes ? { kubernetes: report.kubernetes.minor ?? report.kubernetes.version } : {}),
  };
}

/** The short mark shown for each level in matrix cells. */
export const KNOWLEDGE_MARKS: Record<KnowledgeLevel, string> = {
  declared: '○',
  'evidence-checked': '●',
  'api-confirmed': '◆',
  'controller-confirmed': '◆',
  'behaviour-confirmed': '◆',
  contradicted: '!',
};

export const KNOWLEDGE_LABELS: Record<KnowledgeLevel, string> = {
  declared: 'Declared',
  'evidence-checked': 'Evidence checked',
  'api-confirmed': 'API confirmed',
  'controller-confirmed': 'Controller confirmed',
  'behaviour-confirmed': 'Behaviour confirmed',
  contradicted: 'Contradicted',
};

export function knowledgeOf(args: {
  readonly featureKey: string;
  readonly claim: Claim | undefined;
  readonly support: Support;
  readonly version: string;
  readonly released: string;
  readonly evidence?: EvidenceReport;
  readonly conformance?: ConformanceResult;
}): Knowledge | undefined {
  if (!args.claim || args.support === 'unknown') return undefined;
  if (args.conformance) {
    const { level, outcome, at, detail, kubernetes } = args.conformance;
    const on = kubernetes ? { kubernetes } : {};
    if (outcome === 'contradicted') return { level: 'contradicted', since: at, detail, ...on };
    return { level: `${level}-confirmed`, since: at, detail, ...on };
  }
  const evidenceCount = Array.isArray(args.claim.evidence) ? args.claim.evidence.length : 0;
  const checks = evidenceChecksOf(args.evidence, args.featureKey, args.claim);
  const results = [...checks.byIndex.values()];
  if (args.evidence && evidenceCount > 0 && results.length === evidenceCount && results.every((l) => l.status === 'verified')) {
    const date = args.evidence.checked_at.slice(0, 10);
    return { level: 'evidence-checked', since: date, detail: `All ${evidenceCount} evidence link(s) verified ${args.evidence.mode} on ${date}.` };
  }
  const detail =
    evidenceCount === 0
      ? `Declared for release ${args.version}, without evidence.`
      : checks.stale
        ? `Declared for release ${args.version}; the evidence check is older than this claim (re-run ofm evidence).`
        : `Declared for release ${args.version}; its evidence has not all been verified.`;
  return { level: 'declared', since: args.released, detail };
}
