import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

const portable = async (text: string) => only(await withSubmission(text), 'portable-yaml');

describe('portable-yaml', () => {
  it('accepts quoted dates and words, and plain numbers and text', async () => {
    expect(await portable(submission('pgver:\n  value: ["18", "17"]\n  notes: "yes"\n  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]'))).toEqual([]);
  });

  it('flags a plain date, with the quoted form as the fix', async () => {
    const [finding] = await portable(submission('tblsp:\n  value: false', { released: '2026-05-22' }));
    expect(finding).toMatchObject({
      severity: 'warning',
      line: 5,
      column: 11,
      message: '2026-05-22 is read as a date by YAML 1.1 tools (PyYAML and others), and as text by OFM.',
      hint: 'Quote it so every tool reads the same: "2026-05-22".',
    });
  });

  it.each([
    ['no', 'true or false', 'text'],
    ['On', 'true or false', 'text'],
    ['010', 'an octal number', 'the number 10'],
    ['1:30', 'a number in base 60', 'text'],
    ['1_000', 'a number', 'text'],
  ])('flags %s, read as %s by YAML 1.1', async (written, becomes, ofm) => {
    const [finding] = await portable(submission(`tblsp:\n  value: false\n  notes: ${written}`));
    expect(finding).toMatchObject({ line: 9, column: 12, message: `${written} is read as ${becomes} by YAML 1.1 tools (PyYAML and others), and as ${ofm} by OFM.`, hint: `Quote it so every tool reads the same: "${written}".` });
  });
});
