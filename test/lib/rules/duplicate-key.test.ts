import { describe, expect, it } from 'vitest';
import { completeSubmission, submission, withSubmission } from '../../helpers/project.ts';

describe('duplicate-key', () => {
  it('reports the second occurrence and where the first is', async () => {
    const findings = await withSubmission(submission('tlssp:\n  support: unknown\ntlssp:\n  support: unknown'));
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'duplicate-key', line: 9, column: 3, message: 'The key "tlssp" appears again; it is already on line 7.' }),
    ]);
  });

  it('accepts the same key in different mappings', async () => {
    const findings = await withSubmission(completeSubmission('tlssp:\n  support: unknown\n  notes: Not known.\nautfa:\n  support: unknown\n  notes: Not known either.'));
    expect(findings).toEqual([]);
  });
});
