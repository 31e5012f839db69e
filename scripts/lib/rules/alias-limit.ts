import { isAlias, isMap, isPair, isSeq, visit, type Alias, type Node } from 'yaml';
import { error, type DocumentSubject, type Rule } from './rule.ts';

/** How many nodes aliases may add when the data is expanded. */
export const MAX_ALIAS_EXPANSION = 10_000;

// 10,000: grouped by hand, as loading the locale data for toLocaleString costs a short run ~20 ms.
function thousands(n: number): string {
  const digits = String(n);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}

const HINT = 'Write the values out instead of repeating them with anchors (&) and aliases (*).';

/**
 * Measures what the data would grow to if every alias were copied in, without copying anything,
 * so "billion laughs" files are refused before they are expanded.
 */
export const aliasLimit: Rule<DocumentSubject> = {
  id: 'alias-limit',
  description: `Every alias refers to an anchor before it; aliases expand to at most ${thousands(MAX_ALIAS_EXPANSION)} extra nodes, and never into themselves.`,
  check({ document }) {
    const anchors = new Map<string, Node>();
    const sources = new Map<Alias, Node | undefined>();
    let firstAlias: Alias | undefined;
    let unknown: Alias | undefined;
    visit(document, (_key, node) => {
      if (isAlias(node)) {
        firstAlias ??= node;
        const source = anchors.get(node.source);
        if (!source) unknown ??= node;
        sources.set(node, source);
      } else if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
        anchors.set(node.anchor, node as Node);
      }
    });
    if (!firstAlias) return [];
    const at = (alias: Alias) => ({ offset: alias.range?.[0] ?? 0 });
    if (unknown) {
      return [error(at(unknown), `The alias *${unknown.source} refers to no anchor &${unknown.source} before it.`, HINT)];
    }

    const sizes = new Map<Node, number>();
    const inProgress = new Set<Node>();
    let cycle: Alias | undefined;
    const sizeOf = (node: unknown): number => {
      if (isAlias(node)) {
        const source = sources.get(node);
        if (!source) return 1;
        if (inProgress.has(source)) {
          cycle ??= node;
          return 1;
        }
        return sizeOf(source);
      }
      if (!isMap(node) && !isSeq(node)) return 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      inProgress.add(node);
      let size = 1;
      for (const item of node.items) {
        size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
        if (size > Number.MAX_SAFE_INTEGER / 4) break;
      }
      inProgress.delete(node);
      sizes.set(node, size);
      return size;
    };
    const expanded = sizeOf(document.contents);
    let plain = 0;
    visit(document, () => {
      plain++;
    });

    if (cycle) return [error(at(cycle), `The alias *${cycle.source} refers to a node that contains it.`, HINT)];
    if (expanded - plain > MAX_ALIAS_EXPANSION) {
      return [
        error(
          at(firstAlias),
          `Aliases would expand this file by about ${thousands(expanded - plain)} nodes (limit ${thousands(MAX_ALIAS_EXPANSION)}).`,
          HINT,
        ),
      ];
    }
    return [];
  },
};
