// Reading an operator's conformance.yaml: through the same guarded stages as every data file,
// then its schema. Definitions are data from pull requests; nothing in them runs as code.
import { join } from 'node:path';
import { validatorFor } from '../ajv.ts';
import type { Diagnostic } from '../diagnostic.ts';
import type { ConformanceDefinitions } from '../generated/conformance.ts';
import { CONFORMANCE_FILE, operatorDir } from '../layout.ts';
import type { Project } from '../project.ts';
import { schemaFindings } from '../schema-errors.ts';
import { schemas } from '../schemas.ts';
import { diagnosticsFor, loadDataFile } from '../validate.ts';

export type { ConformanceDefinitions };

export type LoadedDefinitions =
  | { readonly definitions: ConformanceDefinitions; readonly file: string }
  | { readonly diagnostics: Diagnostic[]; readonly sources: Map<string, string> };

export const definitionsPath = (project: Project, technology: string, operator: string): string =>
  join(project.root, operatorDir(technology, operator), CONFORMANCE_FILE);

export async function loadDefinitions(project: Project, absolutePath: string): Promise<LoadedDefinitions> {
  const loaded = await loadDataFile(project, absolutePath);
  const sources = new Map(loaded.text === undefined ? [] : [[loaded.file, loaded.text]]);
  if (loaded.data === undefined) return { diagnostics: loaded.diagnostics, sources };
  const validate = validatorFor<ConformanceDefinitions>(() => project.ajv, schemas.conformance.$id);
  if (!validate(loaded.data)) return { diagnostics: diagnosticsFor(loaded, 'schema', schemaFindings(validate.errors, 'schema/conformance.md')), sources };
  return { definitions: loaded.data, file: loaded.file };
}
