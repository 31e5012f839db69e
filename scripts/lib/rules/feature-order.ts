import { isMap, isScalar, type Pair } from 'yaml';
import { resolveFeature } from '../catalogue.ts';
import { claimEntries } from '../claims.ts';
import { catalogueOf } from './context.ts';
import { info, type DataSubject, type Fix, type Rule } from './rule.ts';

/** Where each line starts: the offset after each line break. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The `features` mapping reordered, as one edit: each claim moves with the comment and blank
 * lines just above its key, so notes about a claim stay with it. Only a block mapping whose
 * claims start on lines of their own can be reordered this way.
 */
function reorderFix(subject: DataSubject, order: (key: string) => number): Fix | undefined {
  const { document, text } = subject;
  const features = document?.get('features', true);
  if (!isMap(features) || features.flow) return undefined;
  const pairs = features.items as Pair[];
  const starts: number[] = [];
  // The first claim may take in comment lines up to the `features:` line.
  const featuresKey = isMap(document.contents) ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'features')?.key : undefined;
  const keyEnd = isScalar(featuresKey) ? featuresKey.range?.[1] : undefined;
  if (keyEnd === undefined) return undefined;
  let previousEnd = text.indexOf('\n', keyEnd) + 1;
  if (previousEnd === 0) return undefined;
  for (const pair of pairs) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    let start = lineStart(text, pair.key.range[0]);
    if (start < previousEnd) return undefined; // two claims on one line
    // Take in the comment and blank lines above, down to the previous claim's last line.
    for (;;) {
      const above = lineStart(text, start - 1);
      if (start === 0 || above < previousEnd || !/^\s*(#.*)?\n$/.test(text.slice(above, start))) break;
      start = above;
    }
    starts.push(start);
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
    previousEnd = text.indexOf('\n', valueEnd - 1) + 1 || text.length;
  }
  const end = previousEnd;
  const blocks = pairs.map((pair, i) => ({ key: String((pair.key as { value: unknown }).value), text: text.slice(starts[i], starts[i + 1] ?? end) }));
  if (!blocks.at(-1)!.text.endsWith('\n')) blocks.at(-1)!.text += '\n';
  const sorted = blocks.map((block, i) => ({ ...block, i })).sort((a, b) => order(a.key) - order(b.key) || a.i - b.i);
  const replacement = sorted.map((b) => b.text).join('');
  return { start: starts[0]!, end, text: text.slice(starts[0], end).endsWith('\n') ? replacement : replacement.slice(0, -1) };
}

/**
 * Claims in the catalogue's order are easy to compare with the catalogue, with other operators'
 * files and with the release before; `ofm fix` puts them in order.
 */
export const featureOrder: Rule<DataSubject> = {
  id: 'feature-order',
  description: "Claims are listed in the catalogue's order (`ofm fix` reorders them, keeping each claim's comments with it).",
  kinds: ['submission'],
  check(subject) {
    const index = catalogueOf(subject);
    if (!index) return [];
    const position = new Map(index.catalogue.features.map((feature, i) => [feature.id, i]));
    const order = (key: string) => position.get(resolveFeature(index, key)?.feature.id ?? '') ?? Number.MAX_SAFE_INTEGER;
    const entries = claimEntries(subject.data);
    let highest = -1;
    let after = '';
    for (const { id } of entries) {
      const at = order(id);
      if (at === Number.MAX_SAFE_INTEGER) return []; // an unknown key: unknown-feature speaks first
      if (at < highest) {
        const fix = subject.document ? reorderFix(subject, order) : undefined;
        const finding = info(
          { path: ['features', id], part: 'key' },
          `${id} comes before ${after} in the catalogue, but after it here: the claims are not in the catalogue's order.`,
          'Run `npx ofm fix` on this file to put every claim in the catalogue\'s order (comments move with their claim), or move it by hand.',
        );
        return [fix ? { ...finding, fix } : finding];
      }
      highest = at;
      after = id;
    }
    return [];
  },
};
