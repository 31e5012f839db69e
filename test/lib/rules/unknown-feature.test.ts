import { describe, expect, it } from 'vitest';
import { only, submission, withSubmission } from '../../helpers/project.ts';

describe('unknown-feature', () => {
  it('accepts catalogue feature ids', async () => {
    expect(only(await withSubmission(submission('tlssp: { support: unknown }\nautfa: { support: unknown }')), 'unknown-feature')).toEqual([]);
  });

  it('points at the unknown key and suggests the closest id with its name', async () => {
    const [finding] = only(await withSubmission(submission('tlsp:\n  support: unknown')), 'unknown-feature');
    expect(finding).toMatchObject({ line: 7, column: 3, severity: 'error', message: '"tlsp" is not a feature of postgres@1.0.0.' });
    expect(finding?.hint).toBe('Did you mean "tlssp" (TLS Support)?');
  });

  it('suggests the id when a feature name is used as the key', async () => {
    const [finding] = only(await withSubmission(submission('automated-failover:\n  support: unknown')), 'unknown-feature');
    expect(finding?.hint).toBe('Did you mean "autfa" (Automated failover)?');
  });

  it('points to the catalogue when nothing is close', async () => {
    const [finding] = only(await withSubmission(submission('quantum-backups:\n  support: unknown')), 'unknown-feature');
    expect(finding?.hint).toContain('features/postgres/catalogue.yaml');
  });
});
