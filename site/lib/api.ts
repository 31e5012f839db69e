// The site's static JSON API (schema/site-api.schema.json): documents built from the same data
// and the same words as the pages, so a reader of the API and a reader of the site learn the same.
import { KNOWLEDGE_LABELS } from '../../scripts/lib/knowledge.ts';
import { renderMarkdown } from '../../scripts/lib/markdown.ts';
import { cellFor, firstClaimed, type Cell, type EvidenceLinkView } from '../../scripts/lib/matrix.ts';
import type { Feature } from '../../scripts/lib/catalogue.ts';
import type { Claim, FeatureDocument, Header, IndexDocument, OperatorDocument } from '../../scripts/lib/generated/site-api.ts';
import { claimsById } from '../../scripts/lib/releases.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { TOOL } from '../../scripts/lib/tool.ts';
import type { SiteData } from './data.ts';

export const API_VERSION = 1;
const SCHEMA = schemas.siteApi.$id;

/** An evidence link's state after its last check, as a word and in a sentence. */
export function evidenceState(e: EvidenceLinkView): { state: Claim['evidence'][number]['state']; text: string } {
  if (e.stale) return { state: 'stale', text: 'not checked: the check is older than this claim' };
  if (e.check === 'verified') return { state: 'verified', text: e.message ? `verified, with a warning: ${e.message}` : 'verified' };
  if (e.check === 'broken') return { state: 'broken', text: `broken at the last check${e.message ? `: ${e.message}` : ''}` };
  if (e.check === 'not-checkable') return { state: 'not-checkable', text: `not checkable${e.message ? `: ${e.message}` : ''}` };
  return { state: 'unchecked', text: 'not checked' };
}

function claimOf(cell: Cell): Claim {
  return {
    support: cell.support,
    ...(cell.value !== undefined ? { value: cell.value } : {}),
    display: cell.display,
    symbol: cell.symbol,
    knowledge: cell.knowledge
      ? { level: cell.knowledge.level, label: KNOWLEDGE_LABELS[cell.knowledge.level], since: cell.knowledge.since, ...(cell.knowledge.kubernetes ? { kubernetes: cell.knowledge.kubernetes } : {}) }
      : null,
    notes: cell.notes ?? null,
    // Footnote ids unique to the cell, so notes shown together (an operator's, a feature's) never share one.
    notes_html: cell.notes ? renderMarkdown(cell.notes, { idPrefix: `${cell.feature}-${cell.operator}` }) : null,
    evidence: cell.evidence.map((e) => {
      const { state, text } = evidenceState(e);
      return { title: e.title, url: e.url, state, state_text: text };
    }),
  };
}

const header = (data: SiteData): Header & { $schema: string } => ({
  $schema: SCHEMA,
  api_version: API_VERSION,
  tool: TOOL,
  catalogue: `${data.index.catalogue.technology}@${data.index.catalogue.version}`,
});

export const featurePath = (id: string): string => `api/v1/features/${id}.json`;
export const operatorPath = (id: string): string => `api/v1/operators/${id}.json`;

export function indexDocument(data: SiteData): IndexDocument {
  return {
    ...header(data),
    features: data.index.catalogue.features.map((f) => ({ id: f.id, name: f.name, href: featurePath(f.id) })),
    operators: data.latest.map((r) => ({ id: r.operator.id, name: r.operator.name, href: operatorPath(r.operator.id) })),
    matrix: 'matrix.json',
  };
}

export function featureDocument(data: SiteData, feature: Feature): FeatureDocument {
  return {
    ...header(data),
    feature: { id: feature.id, name: feature.name, category: feature.category, definition: feature.definition },
    claims: data.latest.map((release) => {
      const first = firstClaimed(data.index, data.operators.get(release.operator.id)!.releases, feature);
      return {
        operator: release.operator.id,
        operator_name: release.operator.name,
        version: release.submission.version,
        ...claimOf(data.cells.get(`${feature.id}/${release.operator.id}`)!),
        first_claimed: first ? { version: first.submission.version, released: first.submission.released } : null,
      };
    }),
  };
}

export function operatorDocument(data: SiteData, id: string): OperatorDocument {
  const view = data.operators.get(id)!;
  return {
    ...header(data),
    operator: { id, name: view.metadata.name, vendor: view.metadata.vendor },
    releases: view.releases.map((release) => {
      const claims = claimsById(data.index, release.submission);
      return {
        version: release.submission.version,
        released: release.submission.released,
        claims: Object.fromEntries(data.index.catalogue.features.map((feature) => [feature.id, claimOf(cellFor(data.index, release, feature, claims))])),
      };
    }),
  };
}

export const json = (document: unknown): Response => new Response(`${JSON.stringify(document)}\n`, { headers: { 'content-type': 'application/json' } });
