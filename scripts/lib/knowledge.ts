// How much is known about one claim, and since when. Declared by the vendor; evidence-checked
// when every evidence link was found working; confirmed (or contradicted) on a live cluster once
// conformance runs exist. The levels are shown per cell; they never add up to a score.
import type { Claim, Support } from './claims.ts';
import type { EvidenceReport } from './generated/evidence-report.ts';

export type KnowledgeLevel = 'declared' | 'evidence-checked' | 'api-confirmed' | 'behaviour-confirmed' | 'contradicted';

export interface Knowledge {
  readonly level: KnowledgeLevel;
  /** YYYY-MM-DD */
  readonly since: string;
  readonly detail: string;
}

/** A conformance result for one claim (the conformance runner writes these). */
export interface ConformanceResult {
  readonly level: 'api' | 'behaviour';
  readonly outcome: 'confirmed' | 'contradicted';
  /** YYYY-MM-DD */
  readonly at: string;
  readonly detail: string;
}

/** The short mark shown for each level in matrix cells. */
export const KNOWLEDGE_MARKS: Record<KnowledgeLevel, string> = {
  declared: '○',
  'evidence-checked': '●',
  'api-confirmed': '◆',
  'behaviour-confirmed': '◆',
  contradicted: '!',
};

export const KNOWLEDGE_LABELS: Record<KnowledgeLevel, string> = {
  declared: 'Declared',
  'evidence-checked': 'Evidence checked',
  'api-confirmed': 'API confirmed',
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
    const { level, outcome, at, detail } = args.conformance;
    if (outcome === 'contradicted') return { level: 'contradicted', since: at, detail };
    return { level: level === 'api' ? 'api-confirmed' : 'behaviour-confirmed', since: at, detail };
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
