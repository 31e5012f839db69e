// Where a data file holds URLs, read from its schema (every field with `format: uri` or
// `uri-template`), so that one rule checks them all and no second list of URL fields is kept.
import { isRecord } from './claims.ts';
import type { FileKind } from './layout.ts';
import { schemaOfKind } from './schemas.ts';

type Schema = Record<string, unknown>;

export interface UrlField {
  readonly path: readonly (string | number)[];
  readonly value: string;
  /** A template such as https://example.org/docs/{major}.{minor}/. */
  readonly template: boolean;
}

/** The schema a local `$ref` (#/$defs/…) points at, followed until it is not a reference. */
function resolve(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 16; hops++) {
    const ref = current['$ref'];
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isRecord(target) ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    if (!isRecord(target)) return current;
    current = target;
  }
  return current;
}

/** Every URL in `data`, found by walking it beside the schema of its kind. */
export function urlFields(kind: FileKind, data: unknown): UrlField[] {
  const root = schemaOfKind[kind] as Schema;
  const found: UrlField[] = [];
  // An explicit stack: data nesting is bounded by the nesting-depth rule, but no recursion is needed.
  const stack: { schema: Schema; value: unknown; path: (string | number)[] }[] = [{ schema: root, value: data, path: [] }];
  while (stack.length > 0) {
    const { schema: raw, value, path } = stack.pop()!;
    const schema = resolve(raw, root);
    if (typeof value === 'string' && (schema['format'] === 'uri' || schema['format'] === 'uri-template')) {
      found.push({ path, value, template: schema['format'] === 'uri-template' });
    } else if (Array.isArray(value) && isRecord(schema['items'])) {
      value.forEach((item, index) => stack.push({ schema: schema['items'] as Schema, value: item, path: [...path, index] }));
    } else if (isRecord(value)) {
      const properties = isRecord(schema['properties']) ? schema['properties'] : {};
      for (const [key, item] of Object.entries(value)) {
        const sub = Object.hasOwn(properties, key) ? properties[key] : schema['additionalProperties'];
        if (isRecord(sub)) stack.push({ schema: sub, value: item, path: [...path, key] });
      }
    }
  }
  return found.reverse();
}
