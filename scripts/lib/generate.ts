// Files derived from the schemas and catalogues: TypeScript types (so code never restates a
// schema) and one editor schema per catalogue. `npm run generate` writes them; a test fails
// when the committed copies are stale.
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { createAjv } from './ajv.ts';
import { sha256 } from './digest.ts';
import type { Project } from './project.ts';
import { generatedSubmissionSchemaPath, SCHEMA_DIR } from './layout.ts';
import { EVIDENCE_PROBLEMS } from './evidence/problems.ts';
import { bytesRules, dataRules, documentRules, INTERNAL_ERROR_RULE, textRules } from './rules/index.ts';
import { schemaFileNames, schemas, type SchemaName } from './schemas.ts';
import { submissionSchemaFor } from './submission-schema.ts';

export interface GeneratedFile {
  /** Project-relative path. */
  readonly path: string;
  readonly content: string;
}

const typeFileNames: Record<SchemaName, string> = {
  catalogue: 'catalogue.ts',
  operator: 'operator.ts',
  submission: 'submission.ts',
  sources: 'sources.ts',
  evidenceReport: 'evidence-report.ts',
  conformance: 'conformance.ts',
  conformanceReport: 'conformance-report.ts',
  findings: 'findings.ts',
  ofmInterchange: 'ofm-interchange.ts',
  matrixExport: 'matrix-export.ts',
  siteApi: 'site-api.ts',
  dataPackage: 'data-package.ts',
  prCheck: 'pr-check.ts',
};

/** Where the TypeScript types of a schema are written. */
export const typesPath = (name: SchemaName): string => `scripts/lib/generated/${typeFileNames[name]}`;

export async function generatedFiles(project: Project): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const name of Object.keys(schemas) as SchemaName[]) {
    const schema = structuredClone(schemas[name]) as JSONSchema;
    const types = await compile(schema, String(schema.title), {
      bannerComment: `// Generated from schema/${schemaFileNames[name]} by \`npm run generate\`. Do not edit.`,
      unreachableDefinitions: true,
      ignoreMinAndMaxItems: true,
      additionalProperties: false,
      style: { singleQuote: true, printWidth: 110 },
      // A reference to another schema of the project (by file name) is read from schema/, never fetched.
      cwd: join(project.root, SCHEMA_DIR),
      $refOptions: { resolve: { http: false } },
    });
    files.push({ path: typesPath(name), content: types });
  }
  for (const { catalogue } of project.catalogues.values()) {
    const schema = submissionSchemaFor(catalogue);
    files.push({
      path: generatedSubmissionSchemaPath(catalogue.technology),
      content: `${JSON.stringify(schema, null, 2)}\n`,
    });
  }
  files.push({ path: 'scripts/lib/generated/validators.ts', content: validatorsModule() });
  files.push({ path: 'docs/rules.md', content: rulesPage() });
  return files;
}

/**
 * Every schema's validator, compiled ahead of time (Ajv standalone code), so that a command does
 * not compile schemas at start. Each comes with its schema's digest: a schema edited since is
 * compiled at run time instead, until `npm run generate` is run again.
 */
function validatorsModule(): string {
  const ajv = createAjv({ standalone: true });
  const names = Object.keys(schemas) as SchemaName[];
  const code = standaloneCode.default(ajv, Object.fromEntries(names.map((name) => [name, schemas[name].$id])));
  const digests = Object.fromEntries(names.map((name) => [name, sha256(JSON.stringify(schemas[name]))]));
  return [
    '// Generated from schema/*.schema.json by `npm run generate`. Do not edit.',
    '// @ts-nocheck',
    "import { createRequire } from 'node:module';",
    "import { formats, patternEngine } from '../ajv-runtime.ts';",
    '',
    'const require = createRequire(import.meta.url);',
    `export const digests = ${JSON.stringify(digests, null, 2)};`,
    code.replace(/^"use strict";/, ''),
    `export const validators = { ${names.join(', ')} };`,
    '',
  ].join('\n');
}

/** docs/rules.md: every check `ofm validate` makes, from the rule registry. */
function rulesPage(): string {
  const stages: Array<[string, ReadonlyArray<{ id: string; description: string; kinds?: readonly string[] }>]> = [
    ['bytes (before the file is read as text)', bytesRules],
    ['text (before it is parsed)', textRules],
    ['YAML tree (before it becomes data)', documentRules],
    ['data', dataRules],
  ];
  const rows = stages.flatMap(([stage, rules]) =>
    rules.map((r) => `| \`${r.id}\` | ${stage} | ${r.kinds?.join(', ') ?? 'all'} | ${r.description.replaceAll('|', '\\|')} |`),
  );
  return [
    '<!-- Generated from scripts/lib/rules by `npm run generate`. Do not edit. -->',
    '# Validation rules',
    '',
    'Every finding of `ofm validate` names one of these rules. A file is checked stage by stage;',
    'when a stage finds an error, the later stages are skipped for that file, since they need what',
    'it checks. Findings of one rule are capped at 50 per file.',
    '',
    '| Rule | Stage | Files | What it checks |',
    '| --- | --- | --- | --- |',
    ...rows,
    `| \`${INTERNAL_ERROR_RULE}\` | any | all | A rule failed on the file: a bug in OFM, not in the file. Please report it. |`,
    '',
    '## Evidence checks',
    '',
    '`ofm evidence` reports each problem with an evidence link at the link\'s URL in the submission,',
    'under one of these ids:',
    '',
    '| Rule | What it means |',
    '| --- | --- |',
    ...Object.entries(EVIDENCE_PROBLEMS).map(([id, description]) => `| \`${id}\` | ${description} |`),
    '',
  ].join('\n');
}
