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

/** How to find URLs below one schema: only the branches that can hold some. */
interface Plan {
  url: 'uri' | 'uri-template' | undefined;
  /** Every property the schema names, so that those without URLs do not fall to additionalProperties. */
  readonly declared: Set<string>;
  readonly properties: Map<string, Plan>;
  additional: Plan | undefined;
  items: Plan | undefined;
}

/** The plan for `schema`, made once per schema object; a schema that refers to itself shares its plan. */
function planFor(schema: Schema, root: Schema, plans: Map<Schema, Plan>, seen: Map<Schema, boolean>): Plan | undefined {
  const resolved = resolve(schema, root);
  if (!holdsUrls(resolved, root, seen)) return undefined;
  const known = plans.get(resolved);
  if (known) return known;
  const plan: Plan = { url: undefined, declared: new Set(), properties: new Map(), additional: undefined, items: undefined };
  plans.set(resolved, plan);
  if (isUrl(resolved)) plan.url = resolved['format'] as Plan['url'];
  if (isRecord(resolved['properties'])) {
    for (const [key, sub] of Object.entries(resolved['properties'])) {
      plan.declared.add(key);
      const child = isRecord(sub) ? planFor(sub, root, plans, seen) : undefined;
      if (child) plan.properties.set(key, child);
    }
  }
  if (isRecord(resolved['additionalProperties'])) plan.additional = planFor(resolved['additionalProperties'], root, plans, seen);
  if (isRecord(resolved['items'])) plan.items = planFor(resolved['items'], root, plans, seen);
  return plan;
}

const plansByKind = new Map<FileKind, Plan | undefined>();

function walk(plan: Plan, value: unknown, path: (string | number)[], found: UrlField[]): void {
  if (typeof value === 'string') {
    if (plan.url) found.push({ path: [...path], value, template: plan.url === 'uri-template' });
  } else if (Array.isArray(value)) {
    if (!plan.items) return;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(plan.items, value[index], path, found);
      path.pop();
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      const sub = plan.declared.has(key) ? plan.properties.get(key) : plan.additional;
      if (!sub) continue;
      path.push(key);
      walk(sub, value[key], path, found);
      path.pop();
    }
  }
}

/** Every URL in `data`, found by walking it beside the schema of its kind (only where URLs can be). */
export function urlFields(kind: FileKind, data: unknown): UrlField[] {
  if (!plansByKind.has(kind)) {
    const root = schemaOfKind[kind] as Schema;
    plansByKind.set(kind, planFor(root, root, new Map(), new Map()));
  }
  const plan = plansByKind.get(kind);
  const found: UrlField[] = [];
  if (plan) walk(plan, data, [], found);
  return found;
}
