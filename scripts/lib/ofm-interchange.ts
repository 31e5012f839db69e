// Conversion between OFM submissions and the community Operator Feature Matrix 1.0-BETA1 layout
// (metadata + featureMatrix.categories[].features[] with value, references, comments).
//
// The two differ in meaning in two places, and the conversion says so rather than guess:
// - in the community template an empty value means "not filled in": it imports as unknown, never
//   as "no", and OFM's unknown claims export as empty values. "No" is `false` or `[]`; for text and
//   numbers, which have no such value, the comments start with "Not supported.".
// - the community format has no "partial"; partial claims export with their comments prefixed.
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { resolveFeature, type CatalogueIndex, type Feature } from './catalogue.ts';
import { isRecord, supportOf, type Claim, type Evidence, type Submission, type Value } from './claims.ts';
import { canonicalValue } from './feature-values.ts';
import type { InterchangeFeature, OfmInterchangeSubmission } from './generated/ofm-interchange.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { OTHER_PREFIX } from './submission-schema.ts';
import { textOf, walk } from './untrusted/tree.ts';

export type { OfmInterchangeSubmission };

const PARTIAL_PREFIX = 'Partial support. ';
const NONE_PREFIX = 'Not supported.';
const saysNone = (comments: string | null | undefined) => comments === NONE_PREFIX || (comments?.startsWith(`${NONE_PREFIX} `) ?? false);

/** Evidence links found in one community reference (a Markdown link, or a bare URL). */
export function referenceToEvidence(reference: string): Evidence[] {
  const links: Evidence[] = [];
  walk<Nodes>(fromMarkdown(reference), (node) => {
    if (node.type !== 'link') return;
    const host = URL.canParse(node.url, 'https://invalid/') ? new URL(node.url, 'https://invalid/').hostname : node.url;
    links.push({ title: textOf(node).trim() || host, url: node.url });
  });
  if (links.length === 0 && /^https?:\/\/\S+$/.test(reference.trim())) {
    const url = reference.trim();
    links.push({ title: URL.canParse(url) ? new URL(url).hostname : url, url });
  }
  return links;
}

/** Not filled in: no value at all, or blank text. (`false` and `[]` are answers: "no".) */
const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

function importValue(feature: Feature, raw: unknown, notes: string[]): Value | undefined {
  const items = (Array.isArray(raw) ? raw : [raw]).map((item) => String(item).trim()).filter(Boolean);
  const normalise = (item: string): string => {
    if (!feature.values?.allowed) return item;
    const canonical = canonicalValue(feature, item);
    if (canonical) return canonical;
    if (feature.values.other && !item.startsWith(OTHER_PREFIX)) {
      notes.push(`${feature.id}: "${item}" is not one of OFM's values; imported as "${OTHER_PREFIX}${item}".`);
      return `${OTHER_PREFIX}${item}`;
    }
    return item;
  };
  switch (feature.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      notes.push(`${feature.id}: the value ${JSON.stringify(raw)} is not true or false; check it.`);
      return raw as Value;
    case 'integer':
      if (typeof raw === 'number') return raw;
      if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw.trim());
      notes.push(`${feature.id}: the value ${JSON.stringify(raw)} is not a whole number; check it.`);
      return raw as Value;
    case 'string':
      return normalise(items.join(', '));
    case 'string_array':
      return items.map(normalise);
  }
}

function noneValue(feature: Feature): Value | undefined {
  if (feature.type === 'boolean') return false;
  if (feature.type === 'string_array') return [];
  return undefined;
}

export interface ImportResult {
  readonly submission: Submission;
  /** What the conversion changed or could not carry over, one sentence each. */
  readonly notes: string[];
}

export function fromOfm(input: OfmInterchangeSubmission, index: CatalogueIndex, operator: string): ImportResult {
  const notes: string[] = [];
  const { catalogue } = index;
  const spec = input.metadata.featureMatrixSpecVersion;
  if (spec && catalogue.ofm_version && spec.toLowerCase() !== catalogue.ofm_version.toLowerCase()) {
    notes.push(`The file follows OFM ${spec}; this catalogue maps ${catalogue.ofm_version}. Check the result.`);
  }
  const rawVersion = input.metadata.submission.version;
  if (typeof rawVersion === 'number') notes.push(`The version was written as the number ${rawVersion}; check it (YAML reads 1.30 as 1.3).`);
  const features: Record<string, Claim> = {};
  for (const category of input.featureMatrix.categories) {
    for (const item of category.features ?? []) {
      const resolved = resolveFeature(index, item.id);
      const id = resolved?.feature.id ?? item.id;
      if (!resolved) notes.push(`${item.id} is not a feature of ${catalogue.technology}@${catalogue.version}; kept for you to fix.`);
      if (resolved?.viaAlias) notes.push(`${item.id} is now called ${id}.`);
      const claim: Claim = {};
      let comments = typeof item.comments === 'string' ? item.comments.trim() : '';
      if (comments.startsWith(PARTIAL_PREFIX)) {
        claim.support = 'partial';
        comments = comments.slice(PARTIAL_PREFIX.length).trim();
      }
      if (isBlank(item.value) && saysNone(comments)) {
        claim.support = 'none';
        comments = comments.slice(NONE_PREFIX.length).trim();
      } else if (isBlank(item.value)) {
        claim.support = 'unknown';
      } else {
        const value = resolved ? importValue(resolved.feature, item.value, notes) : (item.value as Value);
        if (value !== undefined) claim.value = value;
      }
      const references = Array.isArray(item.references) ? item.references : typeof item.references === 'string' ? [item.references] : [];
      const evidence: Evidence[] = [];
      const unlinked: string[] = [];
      for (const reference of references.map(String)) {
        const links = referenceToEvidence(reference);
        if (links.length > 0) evidence.push(...links);
        else {
          unlinked.push(reference);
          notes.push(`${id}: the reference ${JSON.stringify(reference)} has no link; it is kept in the notes.`);
        }
      }
      if (evidence.length > 0) claim.evidence = evidence;
      const noteText = [comments, ...unlinked].filter(Boolean).join('\n\n');
      if (noteText) claim.notes = noteText;
      // Not filled in at all: left out, which OFM reads as unknown (and `ofm validate` lists).
      if (claim.support === 'unknown' && Object.keys(claim).length === 1) continue;
      features[id] = claim;
    }
  }
  const submission: Submission = {
    catalogue: `${catalogue.technology}@${catalogue.version}`,
    operator,
    version: rawVersion === null || rawVersion === undefined ? '' : String(rawVersion),
    released: String(input.metadata.submission.datePublished ?? '').slice(0, 10),
    ...(input.metadata.submission.releaseNotes ? { release_notes: input.metadata.submission.releaseNotes } : {}),
    features,
  };
  return { submission, notes };
}

function exportValue(feature: Feature, claim: Claim | undefined): InterchangeFeature['value'] {
  const value = claim?.value;
  if (claim === undefined || value === undefined) return supportOf((claim ?? {}) as Record<string, unknown>) === 'none' ? (noneValue(feature) ?? null) : null;
  const strip = (text: string) => (text.startsWith(OTHER_PREFIX) ? text.slice(OTHER_PREFIX.length) : text);
  if (typeof value === 'string') return strip(value);
  if (Array.isArray(value)) return value.map(strip);
  return value;
}

export interface ExportResult {
  readonly document: OfmInterchangeSubmission;
  readonly notes: string[];
}

export function toOfm(submission: Submission, index: CatalogueIndex, operator: OperatorMetadata | undefined): ExportResult {
  const notes: string[] = [];
  const { catalogue } = index;
  const claims = isRecord(submission.features) ? submission.features : {};
  const categories = catalogue.categories.map((category) => ({
    id: category.id,
    features: catalogue.features
      .filter((feature) => feature.category === category.id)
      .flatMap((feature): InterchangeFeature[] => {
        const entry = Object.entries(claims).find(([id]) => resolveFeature(index, id)?.feature.id === feature.id);
        const claim = entry?.[1];
        const support = claim ? supportOf(claim as Record<string, unknown>) : 'unknown';
        const value = support === 'unknown' ? null : exportValue(feature, claim);
        // "No" without a value of its own (text, numbers) is said in the comments.
        const prefix = support === 'partial' ? PARTIAL_PREFIX : support === 'none' && value === null ? `${NONE_PREFIX} ` : '';
        const comments = `${prefix}${claim?.notes ?? ''}`.trim();
        return [
          {
            id: feature.id,
            value,
            references: (claim?.evidence ?? []).map((e) => `[${e.title.replaceAll(/[[\]]/g, '')}](${e.url})`),
            ...(comments ? { comments } : {}),
          },
        ];
      }),
  }));
  const unknown = categories.flatMap((c) => c.features).filter((f) => f.value === null && !saysNone(f.comments)).length;
  if (unknown > 0) notes.push(`${unknown} feature(s) are unknown in OFM and are written with an empty value (not filled in).`);
  const document: OfmInterchangeSubmission = {
    metadata: {
      featureMatrixSpecVersion: catalogue.ofm_version ?? null,
      submission: {
        version: submission.version,
        datePublished: submission.released,
        releaseNotes: submission.release_notes ?? null,
      },
      operator: { name: operator?.name ?? submission.operator, url: operator?.homepage ?? null },
    },
    featureMatrix: { categories },
  };
  return { document, notes };
}
