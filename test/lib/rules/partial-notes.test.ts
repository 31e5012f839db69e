import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

const evidence = '  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]';

describe('partial-notes', () => {
  it('accepts a partial claim with notes', async () => {
    expect(only(await withSubmission(submission(`cuann:\n  value: true\n  support: partial\n  notes: Only Pods.\n${evidence}`)), 'partial-notes')).toEqual([]);
  });

  it.each([['without notes', ''], ['with blank notes', '\n  notes: "  "']])('reports a partial claim %s at its support', async (_, notes) => {
    const [finding] = only(await withSubmission(submission(`cuann:\n  value: true\n  support: partial${notes}\n${evidence}`)), 'partial-notes');
    expect(finding).toMatchObject({ line: 9, column: 14, message: 'cuann is "partial" without notes.' });
  });
});
