import { validatorFor } from '../ajv.ts';
import type { FileKind } from '../layout.ts';
import { schemas } from '../schemas.ts';
import { schemaFindings } from '../schema-errors.ts';
import type { DataSubject, Rule } from './rule.ts';

const schemaIds: Record<FileKind, string> = {
  catalogue: schemas.catalogue.$id,
  operator: schemas.operator.$id,
  submission: schemas.submission.$id,
  sources: schemas.sources.$id,
  'evidence-report': schemas.evidenceReport.$id,
};

export const schema: Rule<DataSubject> = {
  id: 'schema',
  description: 'The file matches its JSON Schema in schema/ (catalogue, operator, submission, sources or evidence report).',
  check({ kind, data, project }) {
    const validate = validatorFor(project.ajv, schemaIds[kind]);
    if (validate(data)) return [];
    return schemaFindings(validate.errors, `schema/${kind}.md`);
  },
};
