// The one way to run a regular expression whose source comes from data (catalogue value patterns,
// documentation URL templates): RE2's linear-time engine, so neither the pattern nor the text it
// runs on can make matching backtrack. Patterns written in this repository's own schemas and code
// run on the native engine; test/lib/untrusted/regex.test.ts times every one of them on
// adversarial input.
import { RE2JS } from 're2js';

/** Why `source` cannot be a pattern in OFM data, or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  // JSON Schema validators and editors read a pattern as an ECMAScript regular expression with
  // the `u` flag; OFM runs it on RE2. It must be valid for both.
  try {
    new RegExp(source, 'u');
  } catch (cause) {
    return `it is not a valid regular expression with the u flag (${(cause as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  try {
    RE2JS.compile(source);
  } catch (cause) {
    return `it uses syntax that cannot be matched in linear time (${(cause as Error).message.replace(/^error parsing regexp: /, '')}); lookarounds and back-references are not allowed`;
  }
  return undefined;
}

/** A compiled pattern from data. */
export class DataPattern {
  readonly source: string;
  private readonly re2: RE2JS;

  constructor(source: string, re2: RE2JS) {
    this.source = source;
    this.re2 = re2;
  }

  /** Whether the pattern matches anywhere in `text`, as RegExp.prototype.test does. */
  test(text: string): boolean {
    return this.re2.test(text);
  }

  /** The text the pattern matches at the very start of `text`, if it does. */
  matchAtStart(text: string): string | undefined {
    const matcher = this.re2.matcher(text);
    return matcher.lookingAt() ? (matcher.group(0) ?? undefined) : undefined;
  }

  toString(): string {
    return `/${this.source}/u`;
  }
}

const compiled = new Map<string, DataPattern>();

/** Compiles a pattern from data (cached); throws when patternProblem() has an objection. */
export function dataPattern(source: string): DataPattern {
  let pattern = compiled.get(source);
  if (!pattern) {
    const problem = patternProblem(source);
    if (problem) throw new Error(`The pattern ${JSON.stringify(source)} cannot be used: ${problem}.`);
    pattern = new DataPattern(source, RE2JS.compile(source));
    compiled.set(source, pattern);
  }
  return pattern;
}

/** Escapes text so that it matches itself, in a pattern both engines read the same way. */
export const escapePattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ajv's regular-expression engine: native RegExp for the patterns in `trusted` (the project's own
 * schemas), RE2 for any other (catalogue patterns that reach a generated schema).
 */
export function ajvRegExpEngine(trusted: ReadonlySet<string>) {
  const engine = (source: string, flags: string): { test(text: string): boolean } =>
    trusted.has(source) ? new RegExp(source, flags) : dataPattern(source);
  // Ajv reads `code` only when it writes standalone validator modules, which OFM does not.
  engine.code = 'ofmRegExpEngine';
  return engine;
}

/** Every `pattern` and `patternProperties` key in a JSON Schema. */
export function schemaPatterns(schema: unknown, into = new Set<string>()): Set<string> {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'pattern' && typeof value === 'string') into.add(value);
        if (key === 'patternProperties' && typeof value === 'object' && value !== null) for (const p of Object.keys(value)) into.add(p);
        stack.push(value);
      }
    }
  }
  return into;
}
