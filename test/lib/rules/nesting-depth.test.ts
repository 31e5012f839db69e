import { describe, expect, it } from 'vitest';
import { nestingDepth, MAX_NESTING } from '../../../scripts/lib/rules/nesting-depth.ts';
import { testProject } from '../../helpers/project.ts';

describe('nesting-depth', () => {
  it(`accepts nesting up to ${MAX_NESTING} levels, and brackets inside quoted text`, () => {
    const text = `a: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\nb: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\n`;
    expect(nestingDepth.check({ file: 'x', text })).toEqual([]);
  });

  it('refuses deeper nesting before parsing, at the bracket that goes too deep', async () => {
    const project = await testProject();
    const depth = 100_000;
    await project.write('submissions/postgres/demo/1.2.0.yaml', `features: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'nesting-depth', line: 1, column: 11 + MAX_NESTING })]);
  });

  it('refuses block indicators chained on one line ("- - - …"), which overflow the parser', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/1.2.0.yaml', `features:\n  x: ${'- '.repeat(50_000)}y\n`);
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'nesting-depth', line: 2, column: 4 + 2 * MAX_NESTING, message: 'Lists or mappings are nested more than 64 levels deep ("- - - …").' })]);
    expect(nestingDepth.check({ file: 'x', text: `a:\n${'- '.repeat(MAX_NESTING - 1)}x\n- - y\n- z\n` })).toEqual([]);
  });
});

describe('nesting-depth without the lexer', () => {
  // The rule skips the lexer when the text cannot reach the limit; these sit on either side of it.
  it('matches the lexer at the limit: 64 chained indicators pass, 65 do not, across line breaks', () => {
    const chain = (n: number) => `a:\n${'-\n  '.repeat(n - 1)}- x\n`;
    expect(nestingDepth.check({ file: 'x', text: `a: ${'- '.repeat(MAX_NESTING - 1)}x\n` })).toEqual([]);
    expect(nestingDepth.check({ file: 'x', text: `a: ${'- '.repeat(MAX_NESTING + 1)}x\n` })).toHaveLength(1);
    expect(nestingDepth.check({ file: 'x', text: chain(MAX_NESTING + 2) })).toHaveLength(1);
  });

  it('still reads files with many brackets or dashes that nest little', () => {
    const manyLists = Array.from({ length: 200 }, (_, i) => `k${i}: [a, {b: c}]`).join('\n');
    expect(nestingDepth.check({ file: 'x', text: `${manyLists}\n` })).toEqual([]);
    expect(nestingDepth.check({ file: 'x', text: `notes: "${'-'.repeat(300)}"\n` })).toEqual([]);
  });
});
