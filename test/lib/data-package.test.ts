import { describe, expect, it } from 'vitest';
import type { Submission } from '../../scripts/lib/claims.ts';
import { changelog, dataDocument, packageVersion, PackageVersionError, updatedAt } from '../../scripts/lib/data-package.ts';
import type { TechnologyData } from '../../scripts/lib/dataset.ts';
import type { ConformanceReport } from '../../scripts/lib/generated/conformance-report.ts';
import type { EvidenceReport } from '../../scripts/lib/generated/evidence-report.ts';
import type { Release } from '../../scripts/lib/matrix.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { demoOperator, repoRoot } from '../helpers/project.ts';

const index = (await openProject(repoRoot)).catalogues.get('postgres')!;
const operator = demoOperator({ url: 'https://demo.example.org/docs/{major}.{minor}/' });
const release = (version: string, released: string, features: Submission['features'], reports: Partial<Pick<Release, 'evidence' | 'conformance'>> = {}): Release => ({
  operator,
  submission: { catalogue: 'postgres@1.0.0', operator: operator.id, version, released, features },
  ...reports,
});
const technology = (releases: Release[], catalogue = index): TechnologyData => ({ index: catalogue, operators: new Map([[operator.id, operator]]), releases });

describe('the date of the data', () => {
  it('is the newest of the catalogue versions, the releases, the evidence checks and the conformance runs', () => {
    const older = release('1.1.0', '2027-01-10', {});
    expect(updatedAt([technology([older])])).toBe('2027-01-10T00:00:00.000Z');
    const checked = release('1.2.0', '2027-01-11', {}, { evidence: { checked_at: '2027-02-01T09:30:00Z' } as EvidenceReport });
    expect(updatedAt([technology([older, checked])])).toBe('2027-02-01T09:30:00.000Z');
    const run = release('1.2.0', '2027-01-11', {}, { conformance: { finished_at: '2027-03-04T10:00:00+01:00' } as ConformanceReport });
    expect(updatedAt([technology([older, run])])).toBe('2027-03-04T09:00:00.000Z');
    // Without releases, the catalogue's own dates.
    expect(updatedAt([technology([])])).toBe(`${index.catalogue.versions.at(-1)!.date}T00:00:00.000Z`);
  });
});

describe('the package version', () => {
  const updated = '2027-03-04T09:00:00.000Z';

  it('is the catalogue major and minor and the date of the data', () => {
    expect(packageVersion([technology([])], updated)).toBe(`${index.catalogue.version.split('.').slice(0, 2).join('.')}.20270304`);
    const later = { ...index, catalogue: { ...index.catalogue, version: '2.3.1' } };
    expect(packageVersion([technology([], later)], updated)).toBe('2.3.20270304');
  });

  it('is taken as given when it is a plain semantic version', () => {
    expect(packageVersion([technology([])], updated, '3.1.0-rc.1')).toBe('3.1.0-rc.1');
    for (const wrong of ['v3.1.0', '3.1', '3.1.0+build.7', '']) expect(() => packageVersion([technology([])], updated, wrong), wrong).toThrow(PackageVersionError);
  });

  it('must be given when no single catalogue speaks for the package', () => {
    const second = { ...index, catalogue: { ...index.catalogue, technology: 'mysql' } };
    expect(() => packageVersion([technology([]), technology([], second)], updated)).toThrow(/there are 2\. Give one with --version/);
    expect(() => packageVersion([], updated)).toThrow(PackageVersionError);
    expect(packageVersion([technology([]), technology([], second)], updated, '1.0.0')).toBe('1.0.0');
  });
});

describe('data.json', () => {
  it('has every release of an operator, newest first, with a claim for every feature', () => {
    const data = dataDocument([technology([release('1.2.0', '2027-01-11', { techa: { value: 'Patroni' } }), release('1.1.0', '2027-01-10', {})])], '1.0.20270111', '2027-01-11T00:00:00.000Z');
    const releases = data.technologies['postgres']!.operators[operator.id]!.releases;
    expect(releases.map((r) => r.version)).toEqual(['1.2.0', '1.1.0']);
    expect(Object.keys(releases[0]!.claims)).toEqual(index.catalogue.features.map((f) => f.id));
    expect(releases[0]!.claims['techa']).toMatchObject({ support: 'full', value: 'Patroni', knowledge: { level: 'declared', since: '2027-01-11' } });
    expect(releases[1]!.claims['techa']).toMatchObject({ support: 'unknown' });
    expect(releases[1]!.claims['techa']).not.toHaveProperty('knowledge');
  });
});

describe('the CHANGELOG', () => {
  it('lists what each release changed, newest first, with text from the data escaped', () => {
    const text = changelog(
      [technology([release('1.2.0', '2027-01-11', { techa: { value: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }, autfa: { value: false } }), release('1.1.0', '2027-01-10', { autfa: { value: true } })])],
      '1.0.20270111',
      '2027-01-11T00:00:00.000Z',
    );
    const newer = text.indexOf(`### ${operator.name} 1.2.0 (released 2027-01-11)`);
    const older = text.indexOf(`### ${operator.name} 1.1.0 (released 2027-01-10)`);
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    expect(text.slice(newer, older)).toContain('Since 1.1.0:');
    expect(text).toContain(`- Added: ${index.features.get('techa')!.name}, Yes: \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))`);
    expect(text).toContain(`- Changed: ${index.features.get('autfa')!.name}, Yes → No`);
    expect(text.slice(older)).toContain('First submitted release.');
    expect(text).not.toMatch(/[^\\]<img/);
  });
});
