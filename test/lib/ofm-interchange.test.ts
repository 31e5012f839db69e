import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromOfm, referenceToEvidence, toOfm, type OfmInterchangeSubmission } from '../../scripts/lib/ofm-interchange.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { repoRoot } from '../helpers/project.ts';

const index = (await openProject(repoRoot)).catalogues.get('postgres')!;
const community = parse(await readFile(join(repoRoot, 'test/fixtures/interchange/example-vendor-1.0-beta1.yaml'), 'utf8')) as OfmInterchangeSubmission;

describe('community OFM interchange', () => {
  it('reads Markdown links and bare URLs as evidence', () => {
    expect(referenceToEvidence('[Install](https://a.example/x#y) and [More](https://a.example/z)')).toEqual([
      { title: 'Install', url: 'https://a.example/x#y' },
      { title: 'More', url: 'https://a.example/z' },
    ]);
    expect(referenceToEvidence('https://a.example/x')).toEqual([{ title: 'a.example', url: 'https://a.example/x' }]);
    expect(referenceToEvidence('see the docs')).toEqual([]);
  });

  it('imports values, references, comments and the community spellings of allowed values', () => {
    const { submission, notes } = fromOfm(community, index, 'example');
    expect(submission).toMatchObject({ catalogue: 'postgres@1.0.0', operator: 'example', version: '2.4.0', released: '2026-03-02', release_notes: 'https://example.org/releases/2.4.0' });
    expect(submission.features['instm']?.value).toEqual(['Helm', 'YAML manifests', 'OLM', 'other: Carvel']);
    expect(submission.features['mcrds']?.evidence).toHaveLength(3);
    expect(submission.features).not.toHaveProperty('offin');
    expect(submission.features['autfa']).toMatchObject({ support: 'partial', notes: 'Only with three or more instances.' });
    expect(submission.features['coext']).toEqual({ value: 51, notes: 'see the image' });
    expect(notes).toContain('instm: "Carvel" is not one of OFM\'s values; imported as "other: Carvel".');
  });

  it('exports to the community layout and imports back to the same claims', () => {
    const { submission } = fromOfm(community, index, 'example');
    const { document, notes } = toOfm(submission, index, undefined);
    expect(document.metadata.featureMatrixSpecVersion).toBe('1.0-BETA1');
    expect(document.featureMatrix.categories.map((c) => c.id)).toEqual(index.catalogue.categories.map((c) => c.id));
    const genc = document.featureMatrix.categories[0]!.features!;
    expect(genc.find((f) => f.id === 'instm')?.value).toEqual(['Helm', 'YAML manifests', 'OLM', 'Carvel']);
    expect(notes[0]).toMatch(/^96 feature\(s\) are unknown in OFM and are written with an empty value/);
    expect(document.featureMatrix.categories[0]!.features!.find((f) => f.id === 'offin')).toEqual({ id: 'offin', value: null, references: [] });
    const back = fromOfm(document, index, 'example').submission;
    expect(back).toEqual(submission);
  });
});

/** The community template: every feature of the reference list, nothing filled in. */
async function communityTemplate(): Promise<OfmInterchangeSubmission> {
  const rows = (await readFile(join(repoRoot, '../shared/reference/ofm-postgres-1.0-beta1-features.tsv'), 'utf8')).trim().split('\n').slice(1).map((line) => line.split('\t'));
  const categories = [...new Set(rows.map((r) => r[0]!))].map((id) => ({ id, features: rows.filter((r) => r[0] === id).map((r) => ({ id: r[2]!, value: null, references: null, comments: null })) }));
  return { metadata: { featureMatrixSpecVersion: '1.0-BETA1', submission: { version: '1.0.0', datePublished: '2026-01-02', releaseNotes: null }, operator: { name: 'Template', url: null } }, featureMatrix: { categories } };
}

describe('unknown stays unknown across the interchange', () => {
  it('imports the empty community template as all unknown: no claim says "no"', async () => {
    const template = await communityTemplate();
    expect(template.featureMatrix.categories.flatMap((c) => c.features ?? [])).toHaveLength(101);
    const { submission } = fromOfm(template, index, 'example');
    expect(submission.features).toEqual({});
  });

  it('exports unknowns as empty values, and imports them back as unknown', async () => {
    const { submission } = fromOfm(await communityTemplate(), index, 'example');
    const { document } = toOfm(submission, index, undefined);
    const exported = document.featureMatrix.categories.flatMap((c) => c.features ?? []);
    expect(exported.every((f) => f.value === null)).toBe(true);
    expect(fromOfm(document, index, 'example').submission.features).toEqual({});
  });

  it('keeps "no" as no: false, [] and "Not supported." for text and numbers, and an unknown with notes', () => {
    const claims = { offin: { value: false }, bkdst: { value: [] }, techa: { support: 'none' as const, notes: 'No HA.' }, coext: { support: 'none' as const }, hugpa: { support: 'unknown' as const, notes: 'Not documented.' } };
    const submission = { catalogue: 'postgres@1.0.0', operator: 'example', version: '1.0.0', released: '2026-01-02', features: claims };
    const { document } = toOfm(submission, index, undefined);
    const exported = new Map(document.featureMatrix.categories.flatMap((c) => c.features ?? []).map((f) => [f.id, f]));
    expect(exported.get('techa')).toMatchObject({ value: null, comments: 'Not supported. No HA.' });
    expect(exported.get('coext')).toMatchObject({ value: null, comments: 'Not supported.' });
    expect(exported.get('hugpa')).toMatchObject({ value: null, comments: 'Not documented.' });
    expect(fromOfm(document, index, 'example').submission.features).toEqual(claims);
  });
});
