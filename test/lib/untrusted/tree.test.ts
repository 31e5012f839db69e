import { describe, expect, it } from 'vitest';
import { depthOf, textOf, walk, type TreeNode } from '../../../scripts/lib/untrusted/tree.ts';

/** A chain of nested nodes, as a page of 100,000 nested blockquotes parses to. */
function chain(depth: number): TreeNode {
  let node: TreeNode = { type: 'text', value: 'deep' } as TreeNode;
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', children: [node] };
  return node;
}

describe('the stack-safe walk', () => {
  it('visits every node in document order, parents first, with depth and parent', () => {
    const tree = { type: 'root', children: [{ type: 'a', children: [{ type: 'b' }] }, { type: 'c' }] };
    const seen: string[] = [];
    walk(tree, (node, depth, parent) => {
      seen.push(`${node.type}@${depth}<${parent?.type ?? '-'}`);
    });
    expect(seen).toEqual(['root@0<-', 'a@1<root', 'b@2<a', 'c@1<root']);
  });

  it('skips the children of a node when asked', () => {
    const seen: string[] = [];
    walk({ type: 'root', children: [{ type: 'a', children: [{ type: 'b' }] }] }, (node) => {
      seen.push(node.type!);
      return node.type === 'a' ? 'skip' : undefined;
    });
    expect(seen).toEqual(['root', 'a']);
  });

  it('walks trees 100,000 levels deep without overflowing the stack', () => {
    const tree = chain(100_000);
    expect(depthOf(tree)).toBe(100_000);
    expect(textOf(tree)).toBe('deep');
  });

  it('reads text as mdast-util-to-string does, without HTML', () => {
    const heading = { type: 'heading', children: [{ type: 'text', value: 'Use ' }, { type: 'inlineCode', value: 'pg_dump' }, { type: 'html', value: '<a id="x"></a>' }] };
    expect(textOf(heading as TreeNode)).toBe('Use pg_dump');
  });
});
