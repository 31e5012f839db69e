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

/** The errors worth showing: alternatives inside a failed anyOf/oneOf are folded into it. */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const folded: Array<{ instancePath: string; schemaPath: string }> = [];
  for (const e of errors) {
    const originals = e.keyword === 'errorMessage' ? ((e.params as { errors: ErrorObject[] }).errors ?? []) : [e];
    for (const o of originals) {
      if (o.keyword === 'anyOf' || o.keyword === 'oneOf') folded.push({ instancePath: o.instancePath, schemaPath: o.schemaPath });
    }
  }
  return errors.filter(
    (e) =>
      !folded.some(
        (f) => e.schemaPath.startsWith(`${f.schemaPath}/`) && (e.instancePath === f.instancePath || e.instancePath.startsWith(`${f.instancePath}/`)),
      ),
  );
}

function finding(e: ErrorObject, documentation: string): RuleFinding {
  const path = pointerToPath(e.instancePath);
  const where = displayPath(path);
  const prefix = where ? `${where}: ` : '';
  const value = e.data;
  switch (e.keyword) {
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
      const subject = typeof value === 'object' && value !== null ? '' : `${kindOf(value)} is not valid: it `;
      return error(
        { path },
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

/** `documentation` names the page that explains the schema, for hints with nothing better to say. */
export function schemaFindings(errors: readonly ErrorObject[] | null | undefined, documentation: string): RuleFinding[] {
  return relevant(errors ?? []).map((e) => finding(e, documentation));
}
