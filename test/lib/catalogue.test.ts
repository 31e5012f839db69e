import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Catalogue } from '../../scripts/lib/catalogue.ts';
import { repoRoot } from '../helpers/project.ts';

const catalogue = parse(await readFile(join(repoRoot, 'features/postgres/catalogue.yaml'), 'utf8')) as Catalogue;
const reference = (await readFile(join(repoRoot, 'test/fixtures/reference/ofm-postgres-1.0-beta1-features.tsv'), 'utf8'))
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .map(([categoryId, categoryName, id, name, type, main]) => ({ categoryId, categoryName, id, name, type, main: main === 'true' }));

describe('the postgres catalogue', () => {
  it('has the features of OFM 1.0-BETA1 with their ids, names, categories, types and main flags, in order', () => {
    expect(reference).toHaveLength(101);
    expect(catalogue.features.map((f) => ({ categoryId: f.category, id: f.id, name: f.name, type: f.type, main: f.main === true }))).toEqual(
      reference.map(({ categoryName: _, ...rest }) => rest),
    );
  });

  it('has the 13 categories of OFM 1.0-BETA1 in order', () => {
    const categories = [...new Map(reference.map((r) => [r.categoryId, r.categoryName])).entries()];
    expect(catalogue.categories.map((c) => [c.id, c.name])).toEqual(categories);
  });

  it('maps to OFM 1.0-BETA1 and lists its current version as released', () => {
    expect(catalogue.ofm_version).toBe('1.0-BETA1');
    expect(catalogue.versions.map((v) => v.version)).toContain(catalogue.version);
  });

  it('lists allowed values only where the value is text, and keeps each definition and criterion short', () => {
    for (const feature of catalogue.features) {
      if (feature.values) expect(['string', 'string_array']).toContain(feature.type);
      expect(feature.definition.length, feature.id).toBeLessThan(600);
      expect(feature.criteria.length, feature.id).toBeLessThan(600);
    }
  });
});
