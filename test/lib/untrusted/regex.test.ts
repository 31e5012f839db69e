// Every regular expression OFM runs on data is linear or bounded. Regular expressions written in
// the code are found by parsing every source file and timed on inputs built to make a
// backtracking engine slow; patterns of the project's schemas are timed the same way; patterns
// from data (catalogue values, documentation URL templates) must go through RE2.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { TRUSTED_PATTERNS } from '../../../scripts/lib/ajv.ts';
import { dataPattern, patternProblem } from '../../../scripts/lib/untrusted/regex.ts';
import { repoRoot } from '../../helpers/project.ts';

interface Found {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name) && !e.parentPath.includes('generated'))
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)));
}

/** The script parts of a file: all of a .ts file; the front matter and <script> blocks of .astro. */
function scriptsOf(path: string, text: string): string[] {
  if (!path.endsWith('.astro')) return [text];
  const parts: string[] = [];
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) parts.push(front[1]!);
  for (const match of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) parts.push(match[1]!);
  return parts;
}

interface AstNode {
  readonly type: string;
  readonly loc?: { start: { line: number } };
  readonly [key: string]: unknown;
}

function* nodes(root: unknown): Generator<AstNode> {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      if (typeof (node as AstNode).type === 'string') yield node as AstNode;
      for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'extra') stack.push(value);
    }
  }
}

const found: Found[] = [];
const dynamic: string[] = [];
for (const path of [...(await sourceFiles('scripts')), ...(await sourceFiles('site'))]) {
  const text = await readFile(join(repoRoot, path), 'utf8');
  for (const script of scriptsOf(path, text)) {
    const ast = parse(script, { sourceType: 'module', plugins: ['typescript'], errorRecovery: true });
    for (const node of nodes(ast.program)) {
      const where = `${path}:${node.loc?.start.line}`;
      if (node.type === 'RegExpLiteral') found.push({ where, source: node['pattern'] as string, flags: node['flags'] as string });
      const callee = node['callee'] as AstNode | undefined;
      if ((node.type === 'NewExpression' || node.type === 'CallExpression') && callee?.type === 'Identifier' && callee['name'] === 'RegExp') {
        const [first] = node['arguments'] as AstNode[];
        if (first?.type === 'StringLiteral') found.push({ where, source: first['value'] as string, flags: 'u' });
        else if (!path.endsWith('scripts/lib/untrusted/regex.ts')) dynamic.push(where);
      }
    }
  }
}

/** Characters a pattern cares about: its literal characters, and one for each class escape. */
function charactersOf(source: string): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c !== '\\') {
      if (!'^$()|?*+'.includes(c)) chars.add(c);
      continue;
    }
    const next = source[++i];
    if (next === undefined) break;
    const expansions: Record<string, string> = { s: ' \t\n', S: 'a', d: '1', D: 'a', w: 'a_', W: ' -', b: ' ', n: '\n', t: '\t', r: '\r' };
    if (next === 'u' || next === 'x') {
      const hex = source.slice(i + 1).match(/^\{?([0-9a-fA-F]{2,6})\}?/);
      if (hex) {
        chars.add(String.fromCodePoint(parseInt(hex[1]!, 16)));
        i += hex[0].length;
      }
    } else for (const e of expansions[next] ?? next) chars.add(e);
  }
  return [...chars];
}

const BASE = ['a', 'Z', '1', ' ', '\t', '\n', '-', '_', '/', '.', '#', '{', '}', '!', '&', '*', '<', '>', '%', ':', '=', '"', "'", 'é', '\u00a0', '\u200b'];
const TAILS = ['\u0000', '\n\u0000 x'];

function adversarialInputs(source: string): string[] {
  const own = charactersOf(source);
  const singles = [...new Set([...own, ...BASE])];
  const pairSet = [...new Set([...own, ' ', 'a'])].slice(0, 24);
  const inputs: string[] = [];
  for (const tail of TAILS) {
    for (const c of singles) inputs.push(c.repeat(20_000) + tail);
    for (const a of pairSet) for (const b of pairSet) if (a !== b) inputs.push((a + b).repeat(10_000) + tail);
  }
  return inputs;
}

/** The longest a regular expression takes over the adversarial inputs, in milliseconds. */
function worstTime(run: (input: string) => unknown, source: string): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of adversarialInputs(source)) {
    const time = () => {
      const start = performance.now();
      run(input);
      return performance.now() - start;
    };
    let ms = time();
    if (ms > LIMIT_MS) ms = Math.min(ms, time()); // a garbage collection pause is not the pattern's fault
    if (ms > worst.ms) worst = { ms, input };
  }
  return worst;
}

// Linear work on these 20,000-character inputs takes well under a millisecond; a backtracking
// blow-up on them takes seconds.
const LIMIT_MS = 150;
const describeInput = (input: string) => JSON.stringify(input.slice(0, 8)) + `… (${input.length} characters)`;

describe('regular expressions run on data', () => {
  it('are found in the code: the scan sees them', () => {
    expect(found.length).toBeGreaterThan(30);
    expect(found.some((f) => f.where.startsWith('scripts/lib/evidence/slugs.ts'))).toBe(true);
    expect(found.some((f) => f.where.startsWith('site/'))).toBe(true);
  });

  it('are never built from a variable outside scripts/lib/untrusted/regex.ts', () => {
    expect(dynamic).toEqual([]);
  });

  it.each(found.map((f) => [`${f.where} /${f.source}/${f.flags}`, f] as const))('%s runs in linear time on adversarial input', (_name, { source, flags }) => {
    const re = new RegExp(source, flags);
    const worst = worstTime((input) => (re.global ? input.replace(re, '') : re.exec(input)), source);
    expect(worst.ms, describeInput(worst.input)).toBeLessThan(LIMIT_MS);
  });

  it.each([...TRUSTED_PATTERNS].map((p) => [p] as const))('schema pattern /%s/u runs in linear time on adversarial input', (source) => {
    const re = new RegExp(source, 'u');
    const worst = worstTime((input) => re.test(input), source);
    expect(worst.ms, describeInput(worst.input)).toBeLessThan(LIMIT_MS);
  });
});

describe('patterns from data', () => {
  it('run on RE2: a pattern that makes a backtracking engine take forever takes linear time', () => {
    const evil = '^(a+)+$';
    const input = `${'a'.repeat(100_000)}b`;
    const start = performance.now();
    expect(dataPattern(evil).test(input)).toBe(false);
    expect(performance.now() - start).toBeLessThan(LIMIT_MS * 4);
    expect(dataPattern('^[1-9][0-9]*$').test('17')).toBe(true);
    expect(dataPattern('^[1-9][0-9]*$').test('017')).toBe(false);
  });

  it('match at the start of a text, as templates need', () => {
    expect(dataPattern('^https://x/(?:\\d+)\\.(?:\\d+)/').matchAtStart('https://x/1.29/backup/')).toBe('https://x/1.29/');
    expect(dataPattern('^https://x/(?:\\d+)/').matchAtStart('https://y/1/')).toBeUndefined();
  });

  it.each([
    ['^(?=a)b', 'linear time'],
    ['(a)\\1', 'linear time'],
    ['^[1-9][0-9]*\\-?$', 'u flag'],
    ['(?i)abc', 'u flag'],
    ['[', 'u flag'],
  ])('refuses %s (%s)', (source, reason) => {
    expect(patternProblem(source)).toContain(reason);
    expect(() => dataPattern(source)).toThrow(reason);
  });

  it('accepts what both engines read: classes, groups, Unicode properties', () => {
    for (const source of ['^1\\.[0-9]+$', '^(?:amd64|arm64)$', '^\\p{L}+$', '^[^\\s/]+$']) expect(patternProblem(source)).toBeUndefined();
  });
});
