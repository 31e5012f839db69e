// Turns Ajv's errors into findings a vendor can act on: the place (key or value), a plain
// message and a hint, without the noise of every failed alternative of an anyOf.
import type { ErrorObject } from './ajv.ts';
import type { PathSegment, RuleFinding } from './rules/rule.ts';
import { error } from './rules/rule.ts';
import { didYouMean, listOf } from './suggest.ts';

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export function displayPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

const typeNames: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing',
};

function describeTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return listOf(types.map((t) => typeNames[String(t)] ?? String(t)));
}

const schemaDescription = (schema: unknown): string | undefined =>
  typeof schema === 'object' && schema !== null && 'description' in schema && typeof schema.description === 'string'
    ? schema.description
    : undefined;

function expected(schema: unknown, documentation: string): string {
  const description = schemaDescription(schema);
  return description ? `Expected here: ${description}` : `See ${documentation} for what this field takes.`;
}

const QUOTE_HINT = 'Quote the value: YAML reads an unquoted 1.30 as the number 1.3, and 17 as a number, not a text.';

/**
 * The errors worth showing: alternatives inside a failed anyOf/oneOf are folded into it, and the
 * errors about one property name into the propertyNames error that names it. Linear in the
 * number of errors: a file with 20,000 bad claims gets its findings as fast as Ajv finds them.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const foldedAt = new Map<string, string[]>();
  const badNames = new Set<string>();
  for (const e of errors) {
    const originals = e.keyword === 'errorMessage' ? ((e.params as { errors: ErrorObject[] }).errors ?? []) : [e];
    for (const o of originals) {
      if (o.keyword === 'anyOf' || o.keyword === 'oneOf') {
        const list = foldedAt.get(o.instancePath) ?? [];
        list.push(`${o.schemaPath}/`);
        foldedAt.set(o.instancePath, list);
      }
    }
    if (e.keyword === 'propertyNames') badNames.add(`${e.instancePath}\0${(e.params as { propertyName: string }).propertyName}`);
  }
  const folded = (e: ErrorObject): boolean => {
    // The error's own place and each place above it (instance paths are JSON pointers).
    for (let at = e.instancePath; ; at = at.slice(0, at.lastIndexOf('/'))) {
      if (foldedAt.get(at)?.some((schemaPath) => e.schemaPath.startsWith(schemaPath))) return true;
      if (at === '') return false;
    }
  };
  return errors.filter(
    (e) => !(e.propertyName !== undefined && e.keyword !== 'propertyNames' && badNames.has(`${e.instancePath}\0${e.propertyName}`)) && !folded(e),
  );
}

function finding(e: ErrorObject, documentation: string): RuleFinding {
  const path = pointerToPath(e.instancePath);
  const where = displayPath(path);
  const prefix = where ? `${where}: ` : '';
  const value = e.data;
  switch (e.keyword) {
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      const reasons = e.schema && typeof e.schema === 'object' ? propertyNameRule(e.schema as Record<string, unknown>) : '';
      return error(
        { path: [...path, name], part: 'key' },
        `${prefix}the key ${JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name)} is not allowed here${reasons ? `: keys ${reasons}` : ''}.`,
        expected(e.parentSchema, documentation),
      );
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const description = schemaDescription((e.parentSchema as { properties?: Record<string, unknown> })?.properties?.[missing]);
      return error(
        { path, part: 'key' },
        `${where ? `${where} is` : 'The file is'} missing "${missing}".`,
        `Add "${missing}:"${description ? ` — ${description}` : '.'}`,
      );
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return error(
        { path: [...path, extra], part: 'key' },
        `${prefix}unknown key "${extra}".`,
        `Allowed keys here: ${allowed.join(', ')}.${didYouMean(extra, allowed)}`,
      );
    }
    case 'type': {
      const expected = describeTypes((e.params as { type: unknown }).type);
      const numberForText = typeof value === 'number' && expected.includes('text');
      return error({ path }, `${prefix}expected ${expected}, found ${kindOf(value)}.`, numberForText ? QUOTE_HINT : `Write ${expected} here.`);
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return error(
        { path },
        `${prefix}${kindOf(value)} is not allowed.`,
        `Use one of: ${allowed.join(', ')}.${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
      );
    }
    case 'format': {
      const format = (e.params as { format: string }).format;
      const examples: Record<string, string> = { date: 'a date (YYYY-MM-DD, such as 2026-05-22)', uri: 'an absolute URL' };
      return error({ path }, `${prefix}${kindOf(value)} is not ${examples[format] ?? `a valid ${format}`}.`, `Write ${examples[format] ?? `a valid ${format}`}.`);
    }
    case 'errorMessage': {
      const originals = (e.params as { errors?: ErrorObject[] }).errors ?? [];
      const numberForText =
        typeof value === 'number' && originals.some((o) => o.keyword === 'type' && JSON.stringify(o.params).includes('string'));
      const collection = typeof value === 'object' && value !== null;
      const subject = collection ? '' : `${kindOf(value)} is not valid: it `;
      // A mapping or list as a whole is pointed at by its key.
      return error(
        { path, part: collection ? 'key' : 'value' },
        `${prefix}${subject}${e.message ?? 'does not match the schema'}.`,
        numberForText ? QUOTE_HINT : expected(e.parentSchema, documentation),
      );
    }
    case 'minLength':
    case 'minItems': {
      const limit = (e.params as { limit: number }).limit;
      const empty = limit === 1;
      const what = e.keyword === 'minItems' ? `at least ${limit} item${limit === 1 ? '' : 's'}` : `at least ${limit} characters`;
      const description = schemaDescription(e.parentSchema);
      return error(
        { path },
        `${where || 'The value'} ${empty ? 'is empty' : `needs ${what}`}.`,
        description ? `Fill it in. ${where ? `${where}: ` : ''}${description}` : `See ${documentation}.`,
      );
    }
    case 'maxLength':
    case 'maxItems': {
      const limit = (e.params as { limit: number }).limit;
      const what = e.keyword === 'maxItems' ? `${limit} items` : `${limit} characters`;
      return error({ path }, `${where || 'The value'} is longer than ${what}.`, 'Shorten it; link the documentation for details instead of copying them.');
    }
    default: {
      return error({ path }, `${prefix}${e.message ?? 'is not valid'}.`, expected(e.parentSchema, documentation));
    }
  }
}

/** What a propertyNames schema asks of a key, in words. */
function propertyNameRule(schema: Record<string, unknown>): string {
  const parts: string[] = [];
  if (schema['pattern'] === '^[a-z][a-z0-9-]*$') parts.push('are lower-case letters, digits and dashes, starting with a letter');
  else if (typeof schema['pattern'] === 'string') parts.push(`match ${schema['pattern']}`);
  if (typeof schema['maxLength'] === 'number') parts.push(`have at most ${schema['maxLength']} characters`);
  if (Array.isArray(schema['enum'])) parts.push('are listed in the catalogue');
  return listOf(parts, 'and');
}

/** `documentation` names the page that explains the schema, for hints with nothing better to say. */
export function schemaFindings(errors: readonly ErrorObject[] | null | undefined, documentation: string): RuleFinding[] {
  // Problems of a whole mapping or list come before those of its entries: when the findings are
  // cut short, "too many claims" is still among them.
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const ordered = relevant(errors ?? []).sort((a, b) => depth(a) - depth(b));
  return ordered.map((e) => finding(e, documentation));
}
