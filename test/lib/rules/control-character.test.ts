import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

describe('control-character', () => {
  it('accepts tabs in text, CRLF line breaks and a leading byte-order mark', async () => {
    const text = `\ufeff${submission('tlssp:\n  support: unknown\n  notes: "a\tb"').replaceAll('\n', '\r\n')}`;
    expect(only(await withSubmission(text), 'control-character')).toEqual([]);
  });

  it('reports each raw control character at its line and column', async () => {
    const findings = only(await withSubmission(submission('tlssp:\n  support: unknown\n  notes: "red \u001b[31m and \u007f"')), 'control-character');
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [9, 17, 'The text contains the invisible character U+001B (ESC).'],
      [9, 27, 'The text contains the invisible character U+007F (DEL).'],
    ]);
  });

  it('reports bidirectional overrides, which make a reviewer read something else', async () => {
    const [finding] = only(await withSubmission(submission('tlssp:\n  support: unknown\n  notes: "abc\u202edef"')), 'control-character');
    expect(finding).toMatchObject({ line: 9, column: 16, message: 'The text contains the invisible character U+202E (right-to-left override).' });
  });

  it('reports a file with CR-only line breaks once, instead of reading it as one comment', async () => {
    const findings = await withSubmission(submission('tlssp:\n  support: unknown').replaceAll('\n', '\r'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'control-character', line: 1, message: 'A line ends with a carriage return alone (old Mac OS line breaks).' })]);
  });
});
