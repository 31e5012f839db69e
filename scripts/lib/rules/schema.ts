import { validatorFor } from '../ajv.ts';
import { isRecord } from '../claims.ts';
import type { FileKind } from '../layout.ts';
import { schemaOfKind } from '../schemas.ts';
import { schemaFindings } from '../schema-errors.ts';
import type { DataSubject, Rule } from './rule.ts';

type Limits = { properties?: Record<string, { maxItems?: number; maxProperties?: number }> };
const rootSchemas = schemaOfKind as Record<FileKind, Limits & { $id: string }>;

/**
 * The data with each top-level list or mapping cut to one entry past its schema's limit. The
 * cost of Ajv's custom messages (ajv-errors) grows with the square of the errors found, so a
 * file with 20,000 bad claims would take seconds; cut, it still gets the "too many" finding.
 */
function bounded(data: unknown, kind: FileKind): unknown {
  if (!isRecord(data)) return data;
  let copy: Record<string, unknown> | undefined;
  for (const [key, { maxItems, maxProperties }] of Object.entries(rootSchemas[kind].properties ?? {})) {
    const value = data[key];
    if (Array.isArray(value) && maxItems !== undefined && value.length > maxItems + 1) {
      copy ??= { ...data };
      copy[key] = value.slice(0, maxItems + 1);
    } else if (isRecord(value) && maxProperties !== undefined && Object.keys(value).length > maxProperties + 1) {
      copy ??= { ...data };
      copy[key] = Object.fromEntries(Object.entries(value).slice(0, maxProperties + 1));
    }
  }
  return copy ?? data;
}

export const schema: Rule<DataSubject> = {
  id: 'schema',
  description: 'The file matches its JSON Schema in schema/ (catalogue, operator, submission, sources or evidence report).',
  check({ kind, data, project }) {
    const validate = validatorFor(() => project.ajv, rootSchemas[kind].$id);
    if (validate(bounded(data, kind))) return [];
    return schemaFindings(validate.errors, `schema/${kind}.md`);
  },
};
