import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import { schemas } from './schemas.ts';

import type { ValidateFunction } from 'ajv/dist/2020.js';

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
export type Ajv = Ajv2020;

/**
 * The one way to make an Ajv instance in OFM: JSON Schema 2020-12, all errors (so a vendor sees
 * every problem at once) with the data and schema behind each (for messages that name both), formats, custom `errorMessage`s, and every project schema registered by
 * its `$id`.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajvFormats.default(ajv);
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
