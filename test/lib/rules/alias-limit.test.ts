import { describe, expect, it } from 'vitest';
import { completeSubmission, submission, withSubmission } from '../../helpers/project.ts';

const evidence = '- { title: Docs, url: "https://demo.example.org/docs/1.2/x/" }';

describe('alias-limit', () => {
  it('accepts anchors and aliases that repeat a little data', async () => {
    const findings = await withSubmission(completeSubmission(`tlssp:\n  value: true\n  evidence: &docs\n    ${evidence}\ntlscu:\n  value: true\n  evidence: *docs`));
    expect(findings).toEqual([]);
  });

  it('refuses a billion-laughs file before expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const findings = await withSubmission(`${levels.join('\n')}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'alias-limit', line: 2, column: 8 });
    expect(findings[0]?.message).toMatch(/^Aliases would expand this file by about [\d,]+ nodes \(limit 10,000\)\.$/);
  });

  it('refuses an alias inside the node it refers to', async () => {
    const findings = await withSubmission('features: &f\n  loop: *f\n');
    expect(findings).toEqual([expect.objectContaining({ rule: 'alias-limit', line: 2, column: 9, message: 'The alias *f refers to a node that contains it.' })]);
  });
});

describe('alias-limit: unknown anchors', () => {
  it('reports an alias whose anchor is missing, at the alias, instead of failing', async () => {
    const findings = await withSubmission(submission('tlssp:\n  value: *nope'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'alias-limit', line: 8, column: 12, message: 'The alias *nope refers to no anchor &nope before it.' })]);
  });

  it('reports an alias that comes before its anchor', async () => {
    const findings = await withSubmission(submission('tlssp:\n  value: *later\ntlscu:\n  value: &later true'));
    expect(findings.map((f) => f.rule)).toEqual(['alias-limit']);
  });
});
