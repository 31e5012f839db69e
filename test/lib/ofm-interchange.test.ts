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
    expect(submission.features['offin']).toEqual({ value: false });
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
    expect(notes[0]).toMatch(/^95 feature\(s\) are unknown in OFM and are left out/);
    const back = fromOfm(document, index, 'example').submission;
    expect(back).toEqual(submission);
  });
});
