// How much is known about one claim, and since when. Declared by the vendor; evidence-checked
// when every evidence link was found working; confirmed (at the API, controller or behaviour
// level) or contradicted on a live cluster by `ofm conform`. The levels are shown per cell; they
// never add up to a score.
import type { Claim, Support } from './claims.ts';
import { claimDigest } from './digest.ts';
import type { ConformanceReport } from './generated/conformance-report.ts';
import type { EvidenceReport } from './generated/evidence-report.ts';

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
  const links = args.evidence?.links.filter((l) => l.feature === args.featureKey) ?? [];
  const evidenceCount = Array.isArray(args.claim.evidence) ? args.claim.evidence.length : 0;
  if (args.evidence && evidenceCount > 0 && links.length === evidenceCount && links.every((l) => l.status === 'ok' || l.status === 'warning')) {
    const date = args.evidence.checked_at.slice(0, 10);
    return { level: 'evidence-checked', since: date, detail: `All ${links.length} evidence link(s) checked ${args.evidence.mode} on ${date}.` };
  }
  const detail = evidenceCount === 0 ? `Declared for release ${args.version}, without evidence.` : `Declared for release ${args.version}; its evidence has not all been checked.`;
  return { level: 'declared', since: args.released, detail };
}
