import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

describe('number-range', () => {
  it('accepts ordinary numbers', async () => {
    expect(only(await withSubmission(submission('coext:\n  value: 9007199254740991\n  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]')), 'number-range')).toEqual([]);
  });

  it('reports a whole number that would be rounded, at the number', async () => {
    const [finding] = only(await withSubmission(submission('coext:\n  value: 12345678901234567890')), 'number-range');
    expect(finding).toMatchObject({ line: 8, column: 12, severity: 'error', message: 'The number 12345678901234567890 is too large to be read exactly.' });
  });

  it.each(['.inf', '-.Inf', '.nan', '1e400'])('reports %s as not finite', async (written) => {
    const [finding] = only(await withSubmission(submission(`coext:\n  value: ${written}`)), 'number-range');
    expect(finding?.message).toBe(`${written} is not a finite number.`);
  });
});
