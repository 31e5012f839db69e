import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import { isDate, isDateTime } from '@hyperjump/json-schema-formats';
import ajvFormats from 'ajv-formats';
import { schemas } from './schemas.ts';
import { OTHER_PATTERN } from './submission-schema.ts';
import { ajvRegExpEngine, patternProblem, schemaPatterns } from './untrusted/regex.ts';

import type { ValidateFunction } from 'ajv/dist/2020.js';

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
export type Ajv = Ajv2020;

/** Patterns written in this repository (its schemas and the `other:` value form): the native engine runs them. */
export const TRUSTED_PATTERNS: ReadonlySet<string> = new Set([...Object.values(schemas).flatMap((schema) => [...schemaPatterns(schema)]), OTHER_PATTERN]);

/**
 * The one way to make an Ajv instance in OFM: JSON Schema 2020-12, all errors (so a vendor sees
 * every problem at once) with the data and schema behind each (for messages that name both),
 * formats, custom `errorMessage`s, and every project schema registered by its `$id`. Patterns
 * from data (a catalogue's value patterns, in generated schemas) run on a linear-time engine.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    code: { regExp: ajvRegExpEngine(TRUSTED_PATTERNS) },
  });
  ajvFormats.default(ajv);
  // A pattern is checked the way it is used (ajv-formats compiles without the u flag).
  ajv.addFormat('regex', (source: string) => patternProblem(source) === undefined);
  // Dates and timestamps as RFC 3339's grammar has them ("T" between date and time; a leap
  // second only where one was inserted), as other validators read them: ajv-formats also takes
  // a space and any 23:59:60.
  ajv.addFormat('date', isDate);
  ajv.addFormat('date-time', isDateTime);
  ajvErrors.default(ajv);
  // Annotations for editors (VS Code, yaml-language-server); they do not affect validation.
  for (const keyword of ['markdownDescription', 'defaultSnippets']) ajv.addKeyword({ keyword });
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv;
}

/** The compiled validator of a registered schema. */
export function validatorFor<T>(ajv: Ajv2020, schemaId: string): ValidateFunction<T> {
  const validate = ajv.getSchema<T>(schemaId);
  if (!validate) throw new Error(`Schema ${schemaId} is not registered`);
  return validate as ValidateFunction<T>;
}
