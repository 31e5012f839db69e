import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { formats, patternEngine } from './ajv-runtime.ts';
import { digests, validators } from './generated/validators.ts';
import { sha256 } from './digest.ts';
import { schemas, type SchemaName } from './schemas.ts';

import type { ValidateFunction } from 'ajv/dist/2020.js';

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
export type Ajv = Ajv2020;

export { TRUSTED_PATTERNS } from './ajv-runtime.ts';

/**
 * The one way to make an Ajv instance in OFM: JSON Schema 2020-12, all errors (so a vendor sees
 * every problem at once) with the data and schema behind each (for messages that name both),
 * formats, custom `errorMessage`s, and every project schema registered by its `$id`. Patterns
 * from data (a catalogue's value patterns, in generated schemas) run on a linear-time engine.
 */
export function createAjv(options: { readonly standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    // For generated/validators.ts, the code refers to formats and patternEngine by name.
    code: options.standalone ? { regExp: patternEngine, source: true, esm: true, formats: _`formats` } : { regExp: patternEngine },
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  ajvErrors.default(ajv);
  // Annotations for editors (VS Code, yaml-language-server); they do not affect validation.
  for (const keyword of ['markdownDescription', 'defaultSnippets']) ajv.addKeyword({ keyword });
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv;
}

/** The precompiled validators whose schema is unchanged since `npm run generate`, by schema id. */
const precompiled: ReadonlyMap<string, ValidateFunction> = new Map(
  (Object.keys(validators) as SchemaName[]).flatMap((name) => {
    const schema = schemas[name];
    return digests[name] === sha256(JSON.stringify(schema)) ? [[schema.$id, validators[name] as ValidateFunction]] : [];
  }),
);

/**
 * The validator of a registered schema: precompiled when it is current, else compiled now by the
 * Ajv instance (given as a function, so that none is made when nothing needs compiling).
 */
export function validatorFor<T>(ajv: Ajv2020 | (() => Ajv2020), schemaId: string): ValidateFunction<T> {
  const ready = precompiled.get(schemaId);
  if (ready) return ready as ValidateFunction<T>;
  const validate = (typeof ajv === 'function' ? ajv() : ajv).getSchema<T>(schemaId);
  if (!validate) throw new Error(`Schema ${schemaId} is not registered`);
  return validate as ValidateFunction<T>;
}
