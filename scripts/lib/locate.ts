// Maps a data path (["features", "tlssp", "value"]) back to a text offset in the YAML source, so
// every finding can say line:column. A path that does not exist points at its nearest existing
// ancestor.
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { PathSegment } from './rules/rule.ts';

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}

/**
 * Offset of the value (or the key, when `part` is "key") at `path`. For a path that stops early,
 * the offset of the deepest node found (its key when it has one).
 */
export function locate(document: Document, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): number {
  let node: unknown = document.contents;
  let keyOffset: number | undefined;
  let best = rangeStart(node) ?? 0;
  for (const segment of path) {
    let next: unknown;
    let nextKey: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
      if (pair) {
        next = pair.value;
        nextKey = rangeStart(pair.key);
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      nextKey = rangeStart(next);
    }
    if (next === undefined) return keyOffset ?? best;
    node = next;
    keyOffset = nextKey;
    // A key with an empty value (`value:`) has no value node: point at the key.
    best = rangeStart(next) ?? nextKey ?? best;
  }
  return part === 'key' ? (keyOffset ?? best) : best;
}
