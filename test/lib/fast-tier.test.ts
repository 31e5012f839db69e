// The two tiers of validation must agree: whatever the fast tier vouches for, the exact tier
// finds nothing to say about and reads as the same data; and `ofm validate` gives the same
// findings with the fast tier as without it. Checked on the shipped files, on edge cases, and on
// mutants of a real submission (OFM_FUZZ_SEED, OFM_FUZZ_COUNT explore further).
import { readFileSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastData } from '../../scripts/lib/fast-tier.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { controlCharacter } from '../../scripts/lib/rules/control-character.ts';
import { documentRules, textRules } from '../../scripts/lib/rules/index.ts';
import { parseYaml, toData } from '../../scripts/lib/source.ts';
import { dataFiles, validateFile } from '../../scripts/lib/validate.ts';
import { mutate, random } from '../helpers/mutations.ts';
import { repoRoot, submission, testProject } from '../helpers/project.ts';

const seed = Number(process.env['OFM_FUZZ_SEED'] ?? 20261203);
const count = Number(process.env['OFM_FUZZ_COUNT'] ?? 400);

/** What the exact tier says of a text: its document findings and its data. */
function exactReading(text: string): { findings: number; data: unknown } {
  const parsed = parseYaml(text);
  const findings = documentRules.reduce((n, rule) => n + rule.check({ file: 'x.yaml', ...parsed }).length, 0);
  let data: unknown;
  try {
    data = findings === 0 ? toData(parsed.document) : undefined;
  } catch {
    data = undefined;
  }
  return { findings, data };
}

/** Where the fast tier vouches for a text, the exact tier must agree; returns whether it vouched. */
function agrees(text: string, label: string): boolean {
  // The fast tier sees a text once the control-character rule passed it; it stands in for the
  // nesting-depth rule, so that rule must have nothing to say of what it vouches for.
  if (controlCharacter.check({ file: 'x.yaml', text }).length > 0) return false;
  const fast = fastData(text);
  if (!fast) return false;
  expect(textRules.flatMap((rule) => rule.check({ file: 'x.yaml', text })), `${label}: a text rule has findings for a file the fast tier passed`).toEqual([]);
  const exact = exactReading(text);
  expect(exact.findings, `${label}: the exact tier has findings for a file the fast tier passed`).toBe(0);
  expect(fast.data, label).toEqual(exact.data);
  return true;
}

describe('the fast tier of validation', () => {
  it('vouches for the shipped submissions and reports, reading them as the exact tier does', async () => {
    const project = await openProject(repoRoot);
    const files = await dataFiles(project, []);
    const vouched = files.filter((file) => agrees(readFileSync(file, 'utf8'), file));
    expect(vouched.filter((f) => f.endsWith('.yaml') && /\/\d[^/]*\.yaml$/.test(f)).length).toBe(7);
    expect(vouched.length).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['a plain date', 'released: 2026-05-22\n'],
    ['yes and no', 'a: yes\nb: No\n'],
    ['an octal-looking number', 'a: 010\n'],
    ['a float', 'a: 1.5\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['.inf', 'a: .inf\n'],
    ['a number as a key', '1: a\n'],
    ['null as a key', 'null: a\n'],
    ['an empty value', 'a:\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 2}\n'],
    ['a quoted __proto__ key', '"__proto__": {}\n'],
    ['an escaped constructor key', '"construct\\u006fr": 1\n'],
    ['a complex key', '? [a]\n: b\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a bare CR', 'a: 1\rb: 2\n'],
    ['a huge integer', 'a: 12345678901234567890\n'],
    ['a scalar document', 'just text\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['data nested 33 levels deep', `a: ${'['.repeat(33)}${']'.repeat(33)}\n`],
  ])('leaves %s to the exact tier', (_, text) => {
    expect(fastData(text)).toBeUndefined();
  });

  it('reads plain text, whole numbers, booleans and quoted values as the exact tier does', () => {
    const text = 'a: text, with commas\nb: 18\nc: true\nd: "2026-05-22"\ne: >-\n  folded\n  lines\nf: [x, "y", 1]\ng: |\n  kept\n  lines\nh: 1.30.0\ni: 1Gi\n';
    expect(agrees(text, 'mixed')).toBe(true);
  });

  it(`agrees with the exact tier on ${count} mutants of a real submission (seed ${seed})`, { timeout: 600_000 }, () => {
    const valid = readFileSync(join(repoRoot, 'submissions/postgres/cloudnative-pg/1.30.0.yaml'));
    const rnd = random(seed);
    let vouched = 0;
    for (let i = 0; i < count; i++) {
      const { bytes, applied } = mutate(valid, rnd);
      if (agrees(bytes.toString('utf8'), `#${i} (${applied.join(' + ')})`)) vouched++;
    }
    // The mutations must exercise both tiers.
    expect(vouched).toBeGreaterThan(0);
    expect(vouched).toBeLessThan(count);
  });

  it('gives `ofm validate` the same findings with and without it', async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    await writeFile(join(project.root, 'submissions/postgres/cloudnative-pg/9.9.9.yaml'), submission('tlssp:\n  value: true\n  evidence: [{ title: T, url: "https://cloudnative-pg.io/docs/1.30/tls/" }]', { operator: 'cloudnative-pg', version: '"9.9.9"' }));
    const opened = await project.open();
    for (const file of await dataFiles(opened, [])) {
      const fast = await validateFile(opened, file);
      const exact = await validateFile(opened, file, undefined, { tier: 'exact' });
      expect(fast.diagnostics, file).toEqual(exact.diagnostics);
    }
  });
});
