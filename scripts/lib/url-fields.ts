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

const isUrl = (schema: Schema) => schema['format'] === 'uri' || schema['format'] === 'uri-template';

/** Whether a URL field can be found at or below `schema` (remembered per schema object). */
function holdsUrls(schema: Schema, root: Schema, seen = new Map<Schema, boolean>()): boolean {
  const resolved = resolve(schema, root);
  const known = seen.get(resolved);
  if (known !== undefined) return known;
  seen.set(resolved, false); // a schema that refers to itself adds nothing new
  const children = [
    ...(isRecord(resolved['properties']) ? Object.values(resolved['properties']) : []),
    resolved['additionalProperties'],
    resolved['items'],
  ].filter(isRecord);
  const result = isUrl(resolved) || children.some((child) => holdsUrls(child, root, seen));
  seen.set(resolved, result);
  return result;
}

const pruning = new WeakMap<Schema, Map<Schema, boolean>>();

/** Every URL in `data`, found by walking it beside the schema of its kind (only where URLs can be). */
export function urlFields(kind: FileKind, data: unknown): UrlField[] {
  const root = schemaOfKind[kind] as Schema;
  let seen = pruning.get(root);
  if (!seen) pruning.set(root, (seen = new Map()));
  const found: UrlField[] = [];
  // An explicit stack, with each entry's path built only for the URLs found.
  type Entry = { readonly schema: Schema; readonly value: unknown; readonly key: string | number | undefined; readonly parent: Entry | undefined };
  const pathOf = (entry: Entry): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Entry[] = [{ schema: root, value: data, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const schema = resolve(entry.schema, root);
    if (!holdsUrls(schema, root, seen)) continue;
    const { value } = entry;
    if (typeof value === 'string' && isUrl(schema)) {
      found.push({ path: pathOf(entry), value, template: schema['format'] === 'uri-template' });
    } else if (Array.isArray(value) && isRecord(schema['items'])) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ schema: schema['items'] as Schema, value: value[index], key: index, parent: entry });
    } else if (isRecord(value)) {
      const properties = isRecord(schema['properties']) ? schema['properties'] : {};
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const sub = Object.hasOwn(properties, key) ? properties[key] : schema['additionalProperties'];
        if (isRecord(sub)) stack.push({ schema: sub, value: item, key, parent: entry });
      }
    }
  }
  return found;
}
