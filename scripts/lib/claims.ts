// Reading claims out of submission data that may not match its schema yet: every helper here
// tolerates any shape, so one broken claim does not hide the findings about the others.
import type { Claim, Evidence, Submission, Support, Value } from './generated/submission.ts';

export type { Claim, Evidence, Submission, Support, Value };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ClaimEntry {
  /** The key as written (a feature id, or a former id). */
  readonly id: string;
  readonly claim: Record<string, unknown>;
}

// Data is never changed once read, and a dozen rules ask for the same claims: listed once per file.
const entriesOf = new WeakMap<Record<string, unknown>, readonly ClaimEntry[]>();

/** The claims of a submission whose `features` is a mapping of mappings. */
export function claimEntries(data: unknown): readonly ClaimEntry[] {
  if (!isRecord(data) || !isRecord(data['features'])) return [];
  const features = data['features'];
  let entries = entriesOf.get(features);
  if (!entries) {
    entries = Object.entries(features).flatMap(([id, claim]) => (isRecord(claim) ? [{ id, claim }] : []));
    entriesOf.set(features, entries);
  }
  return entries;
}

const isBasicValue = (value: unknown): value is Value =>
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isInteger(value)) ||
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** Support implied by a value: something there means `full`, nothing there means `none`. */
export function deriveSupport(value: Value): Support {
  if (value === false || value === 0 || value === '') return 'none';
  if (Array.isArray(value) && value.length === 0) return 'none';
  return 'full';
}

const SUPPORTS: readonly Support[] = ['full', 'partial', 'none', 'unknown'];

/** The claim's support as written, or derived from its value; `unknown` when neither is usable. */
export function supportOf(claim: Record<string, unknown>): Support {
  const written = claim['support'];
  if (typeof written === 'string' && (SUPPORTS as readonly string[]).includes(written)) return written as Support;
  const value = claim['value'];
  return isBasicValue(value) ? deriveSupport(value) : 'unknown';
}

export const isPositive = (support: Support): boolean => support === 'full' || support === 'partial';

export interface EvidenceItem {
  readonly index: number;
  readonly title: unknown;
  readonly url: unknown;
}

const itemsOf = new WeakMap<unknown[], readonly EvidenceItem[]>();

/** Evidence items that have the expected shape, with their index in the list (listed once per claim). */
export function evidenceItems(claim: Record<string, unknown>): readonly EvidenceItem[] {
  const evidence = claim['evidence'];
  if (!Array.isArray(evidence)) return [];
  let items = itemsOf.get(evidence);
  if (!items) itemsOf.set(evidence, (items = evidence.flatMap((item, index) => (isRecord(item) ? [{ index, title: item['title'], url: item['url'] }] : []))));
  return items;
}

export { isBasicValue };
