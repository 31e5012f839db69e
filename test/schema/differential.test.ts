// Every schema, and every file OFM ships or writes, read by two independent JSON Schema
// validators: Ajv (what OFM uses) and @hyperjump/json-schema (what a downstream tool might use).
// They must agree; where one departs from the specification, the case says so by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { registerSchema, setShouldValidateFormat, validate } from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../../scripts/lib/ajv.ts';
import { toReport } from '../../scripts/lib/diagnostic.ts';
import { PUBLISHED_SCHEMA_BASE } from '../../scripts/lib/layout.ts';
import { matrixExport, type Release } from '../../scripts/lib/matrix.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { validateFile } from '../../scripts/lib/validate.ts';
import { repoRoot } from '../helpers/project.ts';

const META = 'https://json-schema.org/draft/2020-12/schema';
const generated = JSON.parse(readFileSync(join(repoRoot, 'schema/generated/postgres.submission.schema.json'), 'utf8')) as { $id: string };
const allSchemas = [...Object.values(schemas), generated] as { $id: string }[];
const ajv = createAjv().addSchema(generated);

setShouldValidateFormat(true);
beforeAll(() => {
  for (const schema of allSchemas) registerSchema(structuredClone(schema));
});

/** JSON data as @hyperjump/json-schema types it. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const ajvValid = (id: string, data: unknown) => ajv.validate(id, data) as boolean;
const hyperjumpValid = async (id: string, data: unknown) => (await validate(id, data as Json)).valid;

/** Both validators' verdicts on one instance. */
async function both(id: string, data: unknown): Promise<{ ajv: boolean; hyperjump: boolean }> {
  return { ajv: ajvValid(id, data), hyperjump: await hyperjumpValid(id, data) };
}

const readYaml = (path: string): unknown => parse(readFileSync(join(repoRoot, path), 'utf8'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

/** Shipped data files with the schema each follows. */
function shippedFiles(): [file: string, schema: string, data: unknown][] {
  const files: [string, string, unknown][] = [['features/postgres/catalogue.yaml', schemas.catalogue.$id, readYaml('features/postgres/catalogue.yaml')]];
  const root = join(repoRoot, 'submissions/postgres');
  for (const operator of readdirSync(root)) {
    for (const name of readdirSync(join(root, operator))) {
      const file = relative(repoRoot, join(root, operator, name));
      if (name === 'operator.yaml') files.push([file, schemas.operator.$id, readYaml(file)]);
      else if (name === 'sources.yaml') files.push([file, schemas.sources.$id, readYaml(file)]);
      else if (name === 'conformance.yaml') files.push([file, schemas.conformance.$id, readYaml(file)]);
      else if (name.endsWith('.evidence.json')) files.push([file, schemas.evidenceReport.$id, readJson(file)]);
      else if (name.endsWith('.conformance.json')) files.push([file, schemas.conformanceReport.$id, readJson(file)]);
      else if (name.endsWith('.yaml')) {
        files.push([file, schemas.submission.$id, readYaml(file)]);
        files.push([`${file} (generated schema)`, generated.$id, readYaml(file)]);
      }
    }
  }
  files.push(['test/fixtures/interchange/example-vendor-1.0-beta1.yaml', schemas.ofmInterchange.$id, readYaml('test/fixtures/interchange/example-vendor-1.0-beta1.yaml')]);
  return files;
}

/** A copy of `data` with the value at `path` replaced. */
function edited<T>(data: T, path: readonly (string | number)[], value: unknown): T {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy as T;
}

describe('the schemas', () => {
  it.each(allSchemas.map((s) => [s.$id.replace(PUBLISHED_SCHEMA_BASE, ''), s] as const))('%s is valid 2020-12 for both validators', async (_, schema) => {
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(await hyperjumpValid(META, schema)).toBe(true);
  });
});

describe('shipped and generated files', () => {
  it.each(shippedFiles())('%s: both validators accept it', async (_, schema, data) => {
    expect(await both(schema, data)).toEqual({ ajv: true, hyperjump: true });
  });

  it('the matrix export and a findings report, as OFM writes them', async () => {
    const project = await openProject(repoRoot);
    const index = project.catalogues.get('postgres')!;
    const releases: Release[] = ['cloudnative-pg/1.30.0', 'percona/3.0.0', 'pgo/6.0.3', 'stackgres/1.18.6', 'zalando/2.0.1'].map((id) => {
      const [operator, version] = id.split('/');
      const folder = `submissions/postgres/${operator}`;
      return {
        operator: readYaml(`${folder}/operator.yaml`),
        submission: readYaml(`${folder}/${version}.yaml`),
        evidence: readJson(`${folder}/${version}.evidence.json`),
        conformance: readJson(`${folder}/${version}.conformance.json`),
      } as Release;
    });
    const exported = matrixExport(index, releases, new Date('2026-12-03T10:00:00Z'));
    expect(exported).toMatchObject({ $schema: schemas.matrixExport.$id, tool: expect.stringMatching(/^ofm \d/) });
    expect(await both(schemas.matrixExport.$id, exported)).toEqual({ ajv: true, hyperjump: true });

    const bad = await validateFile(project, join(repoRoot, 'test/fixtures/interchange/example-vendor-1.0-beta1.yaml'));
    const findings = toReport(bad.diagnostics, 1);
    expect(findings.findings.length).toBeGreaterThan(0);
    expect(findings).toMatchObject({ $schema: schemas.findings.$id, tool: expect.stringMatching(/^ofm \d/) });
    expect(await both(schemas.findings.$id, findings)).toEqual({ ajv: true, hyperjump: true });
  });
});

const operator = readYaml('submissions/postgres/cloudnative-pg/operator.yaml');
const submission = readYaml('submissions/postgres/cloudnative-pg/1.30.0.yaml');
const evidenceReport = readJson('submissions/postgres/cloudnative-pg/1.30.0.evidence.json');
const catalogue = readYaml('features/postgres/catalogue.yaml') as { features: { id: string; values?: { pattern?: string } }[] };
const patternFeature = catalogue.features.findIndex((f) => f.values?.pattern);

// Each case: the file, the schema, the edit, and what the specification says (valid or not).
const corpus: [name: string, schema: string, data: unknown, valid: boolean][] = [
  // Timestamps and dates (RFC 3339).
  ['date-time with "T"', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25T23:14:53Z'), true],
  ['date-time with lower-case "t" and "z"', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25t23:14:53z'), true],
  ['date-time with an offset and fractions', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25T23:14:53.123+01:00'), true],
  ['date-time with a space instead of "T"', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25 23:14:53Z'), false],
  ['date-time without an offset', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25T23:14:53'), false],
  ['date-time on a real leap second', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2016-12-31T23:59:60Z'), true],
  ['date-time with :60 on a day without a leap second', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25T23:59:60Z'), false],
  ['date-time with :60 mid-hour', schemas.evidenceReport.$id, edited(evidenceReport, ['checked_at'], '2026-11-25T23:14:60Z'), false],
  ['date on 29 February of a leap year', schemas.submission.$id, edited(submission, ['released'], '2024-02-29'), true],
  ['date on 29 February of another year', schemas.submission.$id, edited(submission, ['released'], '2026-02-29'), false],
  ['date with a one-digit month', schemas.submission.$id, edited(submission, ['released'], '2026-1-05'), false],
  ['date in full-width digits', schemas.submission.$id, edited(submission, ['released'], '２０２６-01-05'), false],
  // URLs: one form for every URL field.
  ['homepage without a host', schemas.operator.$id, edited(operator, ['homepage'], 'https://'), false],
  ['homepage with credentials', schemas.operator.$id, edited(operator, ['homepage'], 'https://user:pw@example.org/'), false],
  ['homepage over http', schemas.operator.$id, edited(operator, ['homepage'], 'http://example.org/'), false],
  ['homepage with an upper-case scheme', schemas.operator.$id, edited(operator, ['homepage'], 'HTTPS://example.org/'), false],
  ['release notes at an IPv6 literal', schemas.submission.$id, edited(submission, ['release_notes'], 'https://[::1]/'), false],
  ['release notes with a port', schemas.submission.$id, edited(submission, ['release_notes'], 'https://example.org:8443/notes'), true],
  ['an evidence URL with a non-ASCII path (an IRI, not a URI)', schemas.submission.$id, edited(submission, ['features', 'instm', 'evidence', 0, 'url'], 'https://example.org/ü'), false],
  ['an evidence URL with an encoded path', schemas.submission.$id, edited(submission, ['features', 'instm', 'evidence', 0, 'url'], 'https://example.org/%C3%BC'), true],
  ['an unpinned prefix without a host', schemas.operator.$id, edited(operator, ['documentation', 'unpinned', 0], 'https://'), false],
  ['a documentation template without a host', schemas.operator.$id, edited(operator, ['documentation', 'url'], 'https:///docs/{version}/'), false],
  // Patterns: the way they are used, with the u flag.
  ['a catalogue pattern with an identity escape (invalid with u)', schemas.catalogue.$id, edited(catalogue, ['features', patternFeature, 'values', 'pattern'], '^[1-9][0-9]*\\-?$'), false],
  ['a catalogue pattern with a Unicode property', schemas.catalogue.$id, edited(catalogue, ['features', patternFeature, 'values', 'pattern'], '^\\p{L}+$'), true],
  // Unicode: lengths count code points.
  ['a link title of 200 emoji (400 UTF-16 units)', schemas.submission.$id, edited(submission, ['features', 'instm', 'evidence', 0, 'title'], '😀'.repeat(200)), true],
  ['a link title of 201 emoji', schemas.submission.$id, edited(submission, ['features', 'instm', 'evidence', 0, 'title'], '😀'.repeat(201)), false],
  ['a feature id in other letters', schemas.submission.$id, edited(submission, ['features', 'ínstm'], { support: 'unknown' }), false],
];

describe('edge cases', () => {
  it.each(corpus)('%s: both validators say what RFC 3339 / 3986 / ECMA-262 / JSON Schema say', async (_, schema, data, valid) => {
    expect(await both(schema, data)).toEqual({ ajv: valid, hyperjump: valid });
  });

  it('known difference, by name — OFM\'s regex format also refuses syntax that cannot run in linear time (lookarounds, back-references), which ECMA-262 and @hyperjump/json-schema accept', async () => {
    const lookbehind = edited(catalogue, ['features', patternFeature, 'values', 'pattern'], '^(?<=a)b$');
    expect(await both(schemas.catalogue.$id, lookbehind)).toEqual({ ajv: false, hyperjump: true });
  });
});
