// What compiled validators call at run time — formats and the regular-expression engine — shared
// by validators compiled on demand (createAjv) and those precompiled by `npm run generate`
// (generated/validators.ts), so both check data the same way.
import { isDate, isDateTime } from '@hyperjump/json-schema-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { schemas } from './schemas.ts';
import { OTHER_PATTERN } from './submission-schema.ts';
import { ajvRegExpEngine, patternProblem, schemaPatterns } from './untrusted/regex.ts';

/** Patterns written in this repository (its schemas and the `other:` value form): the native engine runs them. */
export const TRUSTED_PATTERNS: ReadonlySet<string> = new Set([...Object.values(schemas).flatMap((schema) => [...schemaPatterns(schema)]), OTHER_PATTERN]);

/** Patterns from data (a catalogue's value patterns, in generated schemas) run on a linear-time engine. */
export const patternEngine = Object.assign(ajvRegExpEngine(TRUSTED_PATTERNS), { code: 'patternEngine' });

export const formats = {
  ...fullFormats,
  // A pattern is checked the way it is used (ajv-formats compiles without the u flag).
  regex: (source: string) => patternProblem(source) === undefined,
  // Dates and timestamps as RFC 3339's grammar has them ("T" between date and time; a leap
  // second only where one was inserted), as other validators read them: ajv-formats also takes
  // a space and any 23:59:60.
  date: isDate,
  'date-time': isDateTime,
};
