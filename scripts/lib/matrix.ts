// The comparison matrix as data: one cell per feature and operator release, with what is shown,
// the notes and evidence, and how much is known. The site and the exports are built from it.
import type { CatalogueIndex, Feature } from './catalogue.ts';
import { spreadsheetCsv } from './csv.ts';
import type { Submission, Support, Value } from './claims.ts';
import type { ConformanceReport } from './generated/conformance-report.ts';
import type { EvidenceReport, LinkResult } from './generated/evidence-report.ts';
import type { Cell as ExportCell, MatrixExport } from './generated/matrix-export.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { conformanceResultOf, evidenceChecksOf, knowledgeOf, notCheckableReasons, type Knowledge } from './knowledge.ts';
import { claimsById, compareVersions, effectiveSupport } from './releases.ts';
import { OTHER_PREFIX } from './submission-schema.ts';
import { schemas } from './schemas.ts';
import { TOOL } from './tool.ts';

export type { ExportCell, MatrixExport };

/** One submitted release, with its operator and its latest evidence and conformance reports. */
export interface Release {
  readonly operator: OperatorMetadata;
  readonly submission: Submission;
  readonly evidence?: EvidenceReport;
  readonly conformance?: ConformanceReport;
}

export interface EvidenceLinkView {
  readonly title: string;
  readonly url: string;
  readonly check?: LinkResult['status'];
  /** Why the link is broken or could not be checked, or the warning a verified link carries. */
  readonly message?: string;
  /** The evidence report checked an earlier version of this claim: this link is not checked. */
  readonly stale?: boolean;
}

export interface Cell {
  readonly feature: string;
  readonly operator: string;
  readonly version: string;
  readonly support: Support;
  readonly value?: Value;
  /** Short text for the cell: "Yes", "No", "Partial", "Unknown", or the value. */
  readonly display: string;
  /** A symbol that stands for the support level, shown beside the text (so colour is never the only sign). */
  readonly symbol: '✓' | '◐' | '✗' | '?';
  readonly notes?: string;
  readonly evidence: EvidenceLinkView[];
  readonly knowledge?: Knowledge;
}

const SUPPORT_WORDS: Record<Support, string> = { full: 'Yes', partial: 'Partial', none: 'No', unknown: 'Unknown' };
const SUPPORT_SYMBOLS: Record<Support, Cell['symbol']> = { full: '✓', partial: '◐', none: '✗', unknown: '?' };

export const supportWord = (support: Support): string => SUPPORT_WORDS[support];

function valueText(value: Value | undefined): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const strip = (s: string) => (s.startsWith(OTHER_PREFIX) ? s.slice(OTHER_PREFIX.length) : s);
  if (Array.isArray(value)) return value.length ? value.map(strip).join(', ') : undefined;
  return strip(String(value));
}

export function cellFor(index: CatalogueIndex, release: Release, feature: Feature, claims = claimsById(index, release.submission)): Cell {
  const { key, claim } = claims.get(feature.id) ?? { key: feature.id, claim: undefined };
  const support = effectiveSupport(claim);
  const text = support === 'full' || support === 'partial' ? valueText(claim?.value) : undefined;
  const conformance = conformanceResultOf(release.conformance, feature.id, claim);
  const knowledge = knowledgeOf({ featureKey: key, claim, support, version: release.submission.version, released: release.submission.released, evidence: release.evidence, conformance });
  const checks = evidenceChecksOf(release.evidence, key, claim);
  return {
    feature: feature.id,
    operator: release.operator.id,
    version: release.submission.version,
    support,
    ...(claim?.value !== undefined ? { value: claim.value } : {}),
    display: text ? (support === 'partial' ? `${text} (partial)` : text) : SUPPORT_WORDS[support],
    symbol: SUPPORT_SYMBOLS[support],
    ...(claim?.notes ? { notes: claim.notes } : {}),
    evidence: (claim?.evidence ?? []).map((e, i) => {
      const result = checks.byIndex.get(i);
      return { title: e.title, url: e.url, ...(result ? { check: result.status, ...(result.message ? { message: result.message } : {}) } : checks.stale ? { stale: true } : {}) };
    }),
    ...(knowledge ? { knowledge } : {}),
  };
}

/** Newest release first. */
export const byVersionDescending = (a: Release, b: Release): number => compareVersions(b.submission.version, a.submission.version);

/** The newest submitted release of each operator, ordered by operator name. */
export function latestReleases(releases: readonly Release[]): Release[] {
  const newest = new Map<string, Release>();
  for (const release of [...releases].sort(byVersionDescending)) if (!newest.has(release.operator.id)) newest.set(release.operator.id, release);
  const sortKey = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  return [...newest.values()].sort((a, b) => sortKey(a.operator.name).localeCompare(sortKey(b.operator.name), 'en'));
}

/** The oldest submitted release that claims the feature (full or partial), if any. */
export function firstClaimed(index: CatalogueIndex, releases: readonly Release[], feature: Feature): Release | undefined {
  return [...releases]
    .sort((a, b) => compareVersions(a.submission.version, b.submission.version))
    .find((release) => {
      const support = effectiveSupport(claimsById(index, release.submission).get(feature.id)?.claim);
      return support === 'full' || support === 'partial';
    });
}

/** Evidence links counted in the three states a reader is told, plus those no current check covers. */
export interface LinkFigures {
  readonly links: number;
  readonly verified: number;
  readonly broken: number;
  readonly notCheckable: number;
  /** Why links could not be checked, in words, with how many each reason covers (most first). */
  readonly reasons: readonly (readonly [reason: string, count: number])[];
  /** Links no evidence report covers as they now stand (never checked, or changed since). */
  readonly notChecked: number;
}

export function linkFigures(cells: readonly Cell[]): LinkFigures {
  const links = cells.flatMap((c) => c.evidence);
  const count = (state: LinkResult['status']) => links.filter((l) => l.check === state).length;
  return {
    links: links.length,
    verified: count('verified'),
    broken: count('broken'),
    notCheckable: count('not-checkable'),
    reasons: notCheckableReasons(links.map((l) => ({ state: l.check, message: l.message }))),
    notChecked: links.filter((l) => l.check === undefined).length,
  };
}

export interface DataQuality {
  readonly cells: number;
  /** Claims that say anything (not unknown). */
  readonly known: number;
  /** Full or partial claims. */
  readonly positive: number;
  readonly positiveWithEvidence: number;
  readonly evidenceChecked: number;
  readonly confirmed: number;
  readonly contradicted: number;
}

export function dataQuality(cells: readonly Cell[]): DataQuality {
  const positive = cells.filter((c) => c.support === 'full' || c.support === 'partial');
  return {
    cells: cells.length,
    known: cells.filter((c) => c.support !== 'unknown').length,
    positive: positive.length,
    positiveWithEvidence: positive.filter((c) => c.evidence.length > 0).length,
    evidenceChecked: cells.filter((c) => c.knowledge?.level === 'evidence-checked').length,
    confirmed: cells.filter((c) => c.knowledge?.level.endsWith('-confirmed')).length,
    contradicted: cells.filter((c) => c.knowledge?.level === 'contradicted').length,
  };
}

/** A cell as the exports write it: the data without what only the page draws. */
export function exportCell(index: CatalogueIndex, release: Release, feature: Feature, claims = claimsById(index, release.submission)): ExportCell {
  const { symbol: _, ...cell } = cellFor(index, release, feature, claims);
  return cell as ExportCell;
}

export function matrixExport(index: CatalogueIndex, releases: readonly Release[], generatedAt: Date): MatrixExport {
  const latest = latestReleases(releases);
  const { catalogue } = index;
  const cells: ExportCell[] = [];
  for (const release of latest) {
    const claims = claimsById(index, release.submission);
    for (const feature of catalogue.features) cells.push(exportCell(index, release, feature, claims));
  }
  return {
    $schema: schemas.matrixExport.$id,
    tool: TOOL,
    generated_at: generatedAt.toISOString(),
    catalogue: { technology: catalogue.technology, name: catalogue.name, version: catalogue.version },
    operators: latest.map((r) => ({ id: r.operator.id, name: r.operator.name, vendor: r.operator.vendor, version: r.submission.version, released: r.submission.released })),
    features: catalogue.features.map((f) => ({ id: f.id, name: f.name, category: f.category, category_name: index.categories.get(f.category)?.name ?? f.category, main: f.main === true, type: f.type })),
    cells,
  };
}

// Spreadsheets run text that starts like a formula; data from submissions must not. csv-stringify
// escapes cells that start with a formula character (its escape_formulas); some spreadsheets
// also skip blanks and invisible characters before one, so such cells are escaped here too.
export function matrixCsv(data: MatrixExport): string {
  const features = new Map(data.features.map((f) => [f.id, f]));
  const operators = new Map(data.operators.map((o) => [o.id, o]));
  const rows = data.cells.map((c) => {
    const feature = features.get(c.feature)!;
    const value = c.value === undefined ? '' : Array.isArray(c.value) ? c.value.join('; ') : String(c.value);
    return [c.feature, feature.name, feature.category, feature.main, c.operator, operators.get(c.operator)?.name ?? c.operator, c.version, c.support, value, c.knowledge?.level ?? '', c.knowledge?.since ?? '', c.evidence.map((e) => e.url).join(' '), c.notes ?? ''];
  });
  return spreadsheetCsv([['feature', 'feature_name', 'category', 'main', 'operator', 'operator_name', 'version', 'support', 'value', 'knowledge', 'knowledge_since', 'evidence_urls', 'notes'], ...rows]);
}

/** The matrix as the page shows it: one row per feature, one column per operator (its cell's text). */
export function matrixWideCsv(data: MatrixExport, cells: ReadonlyMap<string, { readonly display: string }>): string {
  const header = ['feature', 'feature_name', 'category', 'main', ...data.operators.map((o) => `${o.name} ${o.version}`)];
  const rows = data.features.map((f) => [f.id, f.name, f.category, f.main, ...data.operators.map((o) => cells.get(`${f.id}/${o.id}`)?.display ?? '')]);
  return spreadsheetCsv([header, ...rows]);
}
