// The one way to walk a tree parsed from untrusted text (Markdown, HTML): with a stack of its own
// instead of recursion, so a page nested 100,000 levels deep cannot overflow the call stack.

/** Anything with child nodes: unist trees (mdast, hast) and parse5's DOM. */
export interface TreeNode {
  readonly type?: string;
  readonly children?: readonly TreeNode[];
  readonly childNodes?: readonly TreeNode[];
}

const childrenOf = (node: TreeNode): readonly TreeNode[] => node.children ?? node.childNodes ?? [];

/**
 * Calls `enter` for every node in document order (parents before children), with its depth
 * (the root is 0) and its parent. Returning "skip" leaves out the node's children.
 */
export function walk<N extends TreeNode>(root: N, enter: (node: N, depth: number, parent: N | undefined) => void | 'skip'): void {
  const stack: Array<{ node: N; depth: number; parent: N | undefined }> = [{ node: root, depth: 0, parent: undefined }];
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    if (enter(node, depth, parent) === 'skip') continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as N, depth: depth + 1, parent: node });
  }
}

/** How deep the tree goes (a lone root is 0). */
export function depthOf(root: TreeNode): number {
  let deepest = 0;
  walk(root, (_node, depth) => {
    deepest = Math.max(deepest, depth);
  });
  return deepest;
}

/**
 * The text of an mdast node, as mdast-util-to-string gives it without image alt texts and raw
 * HTML (a heading's anchor comes from the text a reader sees): the `value` of literal nodes.
 */
export function textOf(root: TreeNode): string {
  const parts: string[] = [];
  walk(root, (node) => {
    if (node.type === 'html') return 'skip';
    const value = (node as { value?: unknown }).value;
    if (typeof value === 'string') {
      parts.push(value);
      return 'skip';
    }
    return undefined;
  });
  return parts.join('');
}
