import { describe, expect, it } from 'vitest';
import { locate } from '../../scripts/lib/locate.ts';
import { parseYaml, positionOf } from '../../scripts/lib/source.ts';

const { document, lineCounter } = parseYaml('a: 1\nfeatures:\n  tlssp:\n    value: true\n    evidence:\n      - url: x\n  empty:\n');
const at = (path: (string | number)[], part?: 'key' | 'value') => positionOf(lineCounter, locate(document, path, part));

describe('locate', () => {
  it('finds values and keys', () => {
    expect(at(['features', 'tlssp', 'value'])).toEqual({ line: 4, column: 12 });
    expect(at(['features', 'tlssp'], 'key')).toEqual({ line: 3, column: 3 });
    expect(at(['features', 'tlssp', 'evidence', 0, 'url'])).toEqual({ line: 6, column: 14 });
  });

  it('falls back to the deepest existing key for a missing path', () => {
    expect(at(['features', 'tlssp', 'notes'])).toEqual({ line: 3, column: 3 });
    expect(at(['nothing'])).toEqual({ line: 1, column: 1 });
  });

  it('points at the key of an empty value', () => {
    expect(at(['features', 'empty', 'value'])).toEqual({ line: 7, column: 3 });
  });
});
