import { describe, expect, it } from 'vitest';
import { compareVersions, diffReleases, expand, versionParts } from '../../scripts/lib/releases.ts';
import type { Submission } from '../../scripts/lib/claims.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { repoRoot } from '../helpers/project.ts';

const index = (await openProject(repoRoot)).catalogues.get('postgres')!;
const submission = (version: string, features: Submission['features']): Submission => ({ catalogue: 'postgres@1.0.0', operator: 'demo', version, released: '2026-01-01', features });

describe('releases', () => {
  it('orders release numbers numerically, pre-releases first', () => {
    expect(['1.10.0', '1.9.2', '1.9.10', '2.0.0-rc1', '2.0.0', '1.9'].sort(compareVersions)).toEqual(['1.9', '1.9.2', '1.9.10', '1.10.0', '2.0.0-rc1', '2.0.0']);
  });

  it('orders pre-releases as semantic versioning does: by each identifier, numbers numerically', () => {
    expect(compareVersions('1.0.0-x-y', '1.0.0-x')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(['1.0.0-rc.10', '1.0.0-rc.2', '1.0.0-beta', '1.0.0-alpha.1'].sort(compareVersions)).toEqual(['1.0.0-alpha.1', '1.0.0-beta', '1.0.0-rc.2', '1.0.0-rc.10']);
  });

  it('fills documentation templates', () => {
    expect(expand('https://x/{major}.{minor}/v{version}/{patch}', versionParts('1.30.2'))).toBe('https://x/1.30/v1.30.2/2');
  });

  it('tells added, removed and changed claims apart, reading former ids', () => {
    const older = submission('1.0.0', { autfa: { value: true }, tlssp: { value: true }, hugpa: { value: false }, techa: { value: 'Patroni' } });
    const newer = submission('1.1.0', { autfa: { value: true }, hugpa: { value: true, support: 'partial', notes: 'x' }, techa: { value: 'built-in' }, tblsp: { value: true }, tlssp: { support: 'unknown' } });
    const diff = diffReleases(index, older, newer);
    expect(diff.added.map((c) => c.feature)).toEqual(['tblsp']);
    expect(diff.removed.map((c) => c.feature)).toEqual(['tlssp']);
    expect(diff.changed.map((c) => c.feature)).toEqual(['hugpa', 'techa']);
  });
});
