// Files derived from the schemas and catalogues: TypeScript types (so code never restates a
// schema) and one editor schema per catalogue. `npm run generate` writes them; a test fails
// when the committed copies are stale.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { Project } from './project.ts';
import { generatedSubmissionSchemaPath } from './layout.ts';
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
  findings: 'findings.ts',
  ofmInterchange: 'ofm-interchange.ts',
};

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
    });
    files.push({ path: `scripts/lib/generated/${typeFileNames[name]}`, content: types });
  }
  for (const { catalogue } of project.catalogues.values()) {
    const schema = submissionSchemaFor(catalogue);
    files.push({
      path: generatedSubmissionSchemaPath(catalogue.technology),
      content: `${JSON.stringify(schema, null, 2)}\n`,
    });
  }
  return files;
}
