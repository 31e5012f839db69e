// The npm package @operator-feature-matrix/data, file by file: data.json (schema/data-package.schema.json)
// with every catalogue, operator, release and claim, an ESM entry point with types generated from
// that schema, a CHANGELOG of claim changes, and the schemas to validate the data with. Built from
// the validated data only, and from nothing else (no clock, no network): the same data makes the
// same package.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import semverParse from 'semver/functions/parse.js';
import { releaseEntries, type OperatorReleases } from './changes.ts';
import type { TechnologyData } from './dataset.ts';
import type { DataPackage, Operator as PackageOperator, Release as PackageRelease, Technology } from './generated/data-package.ts';
import { generatedFiles, typesPath, type GeneratedFile } from './generate.ts';
import { exportCell, latestReleases, matrixExport } from './matrix.ts';
import { openProject } from './project.ts';
import { claimsById } from './releases.ts';
import { schemaFileNames, schemas, type SchemaName } from './schemas.ts';
import { TOOL } from './tool.ts';

export type { DataPackage };

export const PACKAGE_NAME = '@operator-feature-matrix/data';

/** This copy of OFM, whose schemas and licence go into the package. */
const OFM_ROOT = new URL('../../', import.meta.url);

/** The shape of data.json, as its schema states it: the package's major version follows it. */
export const DATA_FORMAT: number = schemas.dataPackage.properties.format.const;

/** A version that cannot be used, or cannot be derived: the message says what to do. */
export class PackageVersionError extends Error {}

/**
 * The newest date the data carries (catalogue version dates, release dates, evidence checks,
 * conformance runs), as an ISO timestamp: what the data is "as of", never the build's clock.
 */
export function updatedAt(technologies: readonly TechnologyData[]): string {
  const times = technologies.flatMap(({ index, releases }) => [
    ...index.catalogue.versions.map((v) => v.date),
    ...releases.flatMap((r) => [r.submission.released, r.evidence?.checked_at, r.conformance?.finished_at]),
  ]);
  const newest = Math.max(...times.flatMap((t) => (t === undefined || Number.isNaN(Date.parse(t)) ? [] : [Date.parse(t)])));
  if (!Number.isFinite(newest)) throw new PackageVersionError('There is no dated data to package: no catalogue version, release or report has a date.');
  return new Date(newest).toISOString();
}

/**
 * The package version. Given, it must be a plain semantic version. Derived, it is
 * <catalogue major + format - 1>.<catalogue minor>.<YYYYMMDD of updatedAt>: a catalogue change
 * that breaks readers (its major) or a change to data.json's shape (the format) makes a new major,
 * features added to the catalogue a new minor, and newer data a new patch. With several
 * catalogues no one catalogue version speaks for the package: the version must be given.
 */
export function packageVersion(technologies: readonly TechnologyData[], updated: string, given?: string): string {
  if (given !== undefined) {
    const parsed = semverParse(given);
    if (!parsed || parsed.version !== given) throw new PackageVersionError(`"${given}" is not a semantic version such as 1.0.20261203 (no "v", no build metadata).`);
    return given;
  }
  const [only, ...others] = technologies;
  if (!only || others.length > 0) {
    throw new PackageVersionError(`A version is derived from one catalogue; there are ${technologies.length}. Give one with --version <semver>.`);
  }
  const catalogue = semverParse(only.index.catalogue.version);
  if (!catalogue) throw new PackageVersionError(`The catalogue version "${only.index.catalogue.version}" is not a semantic version. Give one with --version <semver>.`);
  return `${catalogue.major + DATA_FORMAT - 1}.${catalogue.minor}.${updated.slice(0, 10).replaceAll('-', '')}`;
}

/** Each operator of a technology with its releases, newest first, by operator id. */
function operatorReleases({ operators, releases }: TechnologyData): OperatorReleases[] {
  return [...operators.values()]
    .sort((a, b) => a.id.localeCompare(b.id, 'en'))
    .map((metadata) => ({ metadata, releases: releases.filter((r) => r.operator.id === metadata.id) }));
}

function technologyDocument(data: TechnologyData, updated: string): Technology {
  const { index } = data;
  const operators: Record<string, PackageOperator> = {};
  for (const { metadata, releases } of operatorReleases(data)) {
    operators[metadata.id] = {
      metadata,
      releases: releases.map((release): PackageRelease => {
        const claims = claimsById(index, release.submission);
        const { submission } = release;
        return {
          version: submission.version,
          released: submission.released,
          catalogue: submission.catalogue,
          ...(submission.release_notes ? { release_notes: submission.release_notes } : {}),
          claims: Object.fromEntries(index.catalogue.features.map((feature) => [feature.id, exportCell(index, release, feature, claims)])),
        };
      }),
    };
  }
  return { catalogue: index.catalogue, operators, matrix: matrixExport(index, data.releases, new Date(updated)) };
}

/** data.json. */
export function dataDocument(technologies: readonly TechnologyData[], version: string, updated: string): DataPackage & { $schema: string } {
  return {
    $schema: schemas.dataPackage.$id,
    format: DATA_FORMAT as DataPackage['format'],
    version,
    tool: TOOL,
    updated_at: updated,
    technologies: Object.fromEntries(technologies.map((t) => [t.index.catalogue.technology, technologyDocument(t, updated)])),
  };
}

// Text from submissions goes into Markdown that registries render: characters that would make
// links, emphasis, HTML or tables are escaped, and line breaks cannot start new blocks.
const markdownText = (text: string): string => text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');

/** CHANGELOG.md: per release, newest first, the claims added, removed and changed since the operator's release before it. */
export function changelog(technologies: readonly TechnologyData[], version: string, updated: string): string {
  const lines = [
    '# Changelog',
    '',
    `Claim changes in every submitted operator release, newest first: for each release, the claims added`,
    `(unknown before), removed (unknown now) and changed (another support level or value) since the`,
    `same operator's release before it. ${PACKAGE_NAME} ${version}, data as of ${updated.slice(0, 10)}.`,
  ];
  for (const data of technologies) {
    const { catalogue } = data.index;
    lines.push('', `## ${markdownText(catalogue.name)} (catalogue ${markdownText(`${catalogue.technology}@${catalogue.version}`)})`);
    const entries = releaseEntries(data.index, operatorReleases(data));
    if (entries.length === 0) lines.push('', 'No release has been submitted.');
    for (const entry of entries) {
      lines.push('', `### ${markdownText(`${entry.operatorName} ${entry.version}`)} (released ${entry.released})`, '');
      if (!entry.previous) lines.push(...entry.lines.map(markdownText));
      else if (entry.lines.length === 0) lines.push(`No claim changed since ${markdownText(entry.previous)}.`);
      else lines.push(`Since ${markdownText(entry.previous)}:`, '', ...entry.lines.map((line) => `- ${markdownText(line)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The schema of data.json and every schema it refers to, so that a reader can validate the data. */
function schemaFiles(): SchemaName[] {
  const byId = new Map((Object.keys(schemas) as SchemaName[]).map((name) => [schemas[name].$id, name]));
  const found = new Set<SchemaName>(['dataPackage']);
  const visit = (node: unknown, base: string): void => {
    if (Array.isArray(node)) node.forEach((n) => visit(n, base));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
          const target = new URL(value, base);
          target.hash = '';
          const name = byId.get(target.href);
          if (name && !found.has(name)) {
            found.add(name);
            visit(schemas[name], schemas[name].$id);
          }
        } else visit(value, base);
      }
    }
  };
  visit(schemas.dataPackage, schemas.dataPackage.$id);
  return [...found].sort();
}

function packageJson(version: string, technologies: readonly TechnologyData[], schemaNames: readonly SchemaName[]): string {
  const manifest = {
    name: PACKAGE_NAME,
    version,
    description: 'Kubernetes operator features, what each operator release claims of them, and how much is known about each claim: the data of the Operator Feature Matrix (OFM).',
    keywords: ['kubernetes', 'operator', 'feature-matrix', 'compatibility', ...technologies.map((t) => t.index.catalogue.technology)],
    license: 'Apache-2.0',
    type: 'module',
    main: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './data.json': './data.json',
      ...Object.fromEntries(schemaNames.map((name) => [`./schema/${schemaFileNames[name]}`, `./schema/${schemaFileNames[name]}`])),
      './package.json': './package.json',
    },
    files: ['index.js', 'index.d.ts', 'data.json', 'schema/', 'CHANGELOG.md'],
    sideEffects: false,
    // JSON modules with import attributes (`with { type: 'json' }`).
    engines: { node: '>=20.10' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const INDEX_JS = `// The Operator Feature Matrix data (data.json), as the default export.
import data from './data.json' with { type: 'json' };

export default data;
`;

function readme(version: string, technologies: readonly TechnologyData[]): string {
  const example = technologies[0];
  const technology = example?.index.catalogue.technology ?? 'postgres';
  const operator = (example ? latestReleases(example.releases)[0]?.operator.id : undefined) ?? 'cloudnative-pg';
  const feature = example?.index.catalogue.features[0]?.id ?? 'instm';
  return `# ${PACKAGE_NAME}

The data of the Operator Feature Matrix (OFM): catalogues of Kubernetes operator features, every
operator's metadata, what each submitted operator release claims of each feature, and how much is
known about each claim. Version ${version}.

\`\`\`js
import data from '${PACKAGE_NAME}';

const { catalogue, operators, matrix } = data.technologies['${technology}'];
const [latest] = operators['${operator}'].releases; // newest first
const claim = latest.claims['${feature}'];
console.log(claim.support, claim.display, claim.knowledge?.level);
\`\`\`

TypeScript types come with the package (\`import type { DataPackage, Cell } from '${PACKAGE_NAME}'\`);
the JSON alone is \`${PACKAGE_NAME}/data.json\`, and \`schema/data-package.schema.json\` (with the
schemas it refers to) describes it.

- \`technologies.<technology>.catalogue\`: the features, their categories, definitions and allowed values.
- \`technologies.<technology>.operators.<id>\`: the operator's \`metadata\` and its \`releases\`, newest
  first, each with one claim per feature: \`support\` (\`full\`, \`partial\`, \`none\`, \`unknown\`), the
  \`value\` as submitted, \`display\`, \`notes\`, \`evidence\` links with the state of their last check, and
  \`knowledge\`: \`declared\` by the vendor, \`evidence-checked\`, \`api-\`, \`controller-\` or
  \`behaviour-confirmed\` on a cluster, or \`contradicted\` there, with the date since when.
- \`technologies.<technology>.matrix\`: the newest release of every operator, as the site's \`matrix.json\`.

CHANGELOG.md lists, for every release, the claims added, removed or changed since the operator's
release before it. Claims are submitted by vendors; OFM records what was checked, never a score.

## Versions

\`<major>.<minor>.<YYYYMMDD>\`: the major changes when the catalogue's meaning or the shape of
data.json changes in a way readers must follow, the minor when the catalogue gains features, and
the last part is the date of the newest data (a release, an evidence check or a conformance run).

## Licence

Apache-2.0.
`;
}

/** Every file of the package, by path inside it. */
export async function packageFiles(technologies: readonly TechnologyData[], options: { readonly version?: string } = {}): Promise<GeneratedFile[]> {
  const updated = updatedAt(technologies);
  const version = packageVersion(technologies, updated, options.version);
  // The types are the ones `npm run generate` derives from OFM's own schemas (wherever the data
  // comes from), made afresh here.
  const typesFile = (await generatedFiles(await openProject(fileURLToPath(OFM_ROOT)))).find((f) => f.path === typesPath('dataPackage'));
  if (!typesFile) throw new Error(`${typesPath('dataPackage')} is not among the generated files`);
  const types = typesFile.content.replace(/^\/\/ Generated from .*\n/, `// Types of data.json, generated from schema/${schemaFileNames.dataPackage}.\n`);
  const schemaNames = schemaFiles();
  const license = await readFile(new URL('LICENSE', OFM_ROOT), 'utf8');
  return [
    { path: 'package.json', content: packageJson(version, technologies, schemaNames) },
    { path: 'data.json', content: `${JSON.stringify(dataDocument(technologies, version, updated))}\n` },
    { path: 'index.js', content: INDEX_JS },
    { path: 'index.d.ts', content: `${types}\ndeclare const data: ${schemas.dataPackage.title};\nexport default data;\n` },
    { path: 'CHANGELOG.md', content: changelog(technologies, version, updated) },
    { path: 'README.md', content: readme(version, technologies) },
    { path: 'LICENSE', content: license },
    ...schemaNames.map((name) => ({ path: `schema/${schemaFileNames[name]}`, content: `${JSON.stringify(schemas[name], null, 2)}\n` })),
  ];
}
