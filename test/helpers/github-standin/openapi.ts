// GitHub's OpenAPI description, as far as the stand-in serves it: the committed subset
// (scripts/github-openapi-subset.ts), request matching, and validators for parameters, request
// bodies and response bodies.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { SERVED_OPERATIONS, SUBSET_FILE, operationKey, type OperationId } from './operations.ts';

const SPEC_ID = 'https://api.github.com/openapi.json';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  'x-multi-segment'?: boolean;
}
export interface Operation {
  operationId: string;
  externalDocs?: { url: string };
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    parameters: Record<string, Parameter>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
    requestBodies?: Record<string, { required?: boolean; content?: Record<string, { schema?: unknown }> }>;
  };
  /** The rest of GitHub's API: "METHOD /path" → its path parameters that span segments. */
  'x-ofm-omitted-operations': Record<string, string[]>;
}

/** A path template compiled to a regular expression; `literal` ranks overlapping templates. */
interface Route {
  readonly method: string;
  readonly template: string;
  readonly regex: RegExp;
  readonly names: string[];
  readonly literal: number;
}
interface ServedRoute extends Route {
  readonly id: OperationId;
  readonly operation: Operation;
  readonly parameters: ReadonlyArray<{ parameter: Parameter; schema: string }>;
}

const pointer = (...segments: string[]) => `#/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
const refName = (ref: string) => ref.split('/').pop()!.replaceAll('~1', '/').replaceAll('~0', '~');

function route(method: string, template: string, multi: ReadonlySet<string>): Route {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return multi.has(name) ? '(.+)' : '([^/]+)';
  });
  return { method, template, regex: new RegExp(`^${source}$`), names, literal: template.replace(/\{[^}]+\}/g, '').length };
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside `allOf`/`$ref` without a `type`, which Ajv refuses;
 * such schemas are rewritten to the equivalent `anyOf: [schema, {type: null}]`.
 */
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableWithoutType);
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) nullableWithoutType(value);
  if (record['nullable'] === true && !('type' in record)) {
    const { nullable: _, ...rest } = record;
    for (const key of Object.keys(record)) delete record[key];
    record['anyOf'] = [rest, { type: 'null' }];
  }
}

export interface Description {
  readonly spec: Spec;
  readonly served: readonly ServedRoute[];
  readonly omitted: readonly Route[];
  /** The compiled schema at a JSON pointer into the description (throws if there is none). */
  schema(pointer: string): ValidateFunction;
  /** Ajv's errors, the value named `dataVar` ("data" by default). */
  errors(validate: ValidateFunction, dataVar?: string): string;
}

let loaded: Description | undefined;
export function description(): Description {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SUBSET_FILE, 'utf8')) as Spec;
  nullableWithoutType(spec);
  // OpenAPI 3.0 schemas: Ajv's default dialect with `nullable`, formats, and GitHub's x- keywords ignored.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajvFormats.default(ajv);
  ajv.addSchema(spec as object, SPEC_ID);
  const served = (Object.keys(SERVED_OPERATIONS) as OperationId[]).map((id): ServedRoute => {
    const { method, path } = operationKey(id);
    const operation = spec.paths[path]?.[method];
    // The subset is cut from the same list, so this means it was not regenerated.
    if (operation?.operationId !== id) throw new Error(`${SERVED_OPERATIONS[id]} (${id}) is missing from the OpenAPI subset: run scripts/github-openapi-subset.ts`);
    const parameters = (operation.parameters ?? []).map((p, i) =>
      '$ref' in p
        ? { parameter: spec.components.parameters[refName(p.$ref)]!, schema: pointer('components', 'parameters', refName(p.$ref), 'schema') }
        : { parameter: p, schema: pointer('paths', path, method, 'parameters', String(i), 'schema') },
    );
    const multi = new Set(parameters.filter((p) => p.parameter['x-multi-segment']).map((p) => p.parameter.name));
    return { ...route(method, path, multi), id, operation, parameters };
  });
  const omitted = Object.entries(spec['x-ofm-omitted-operations']).map(([key, multi]) => {
    const [method, path] = key.split(' ') as [string, string];
    return route(method.toLowerCase(), path, new Set(multi));
  });
  loaded = {
    spec,
    served,
    omitted,
    schema: (at) => {
      // A pointer that leads nowhere is the stand-in's mistake; skipping it would pass anything.
      const validate = ajv.getSchema(`${SPEC_ID}${at}`);
      if (!validate) throw new Error(`No schema at ${at} in the OpenAPI subset`);
      return validate;
    },
    errors: (validate, dataVar = 'data') => ajv.errorsText(validate.errors, { dataVar }),
  };
  return loaded;
}

export type Match =
  | { readonly kind: 'served'; readonly route: ServedRoute; readonly params: Record<string, string> }
  | { readonly kind: 'omitted'; readonly route: Route }
  | { readonly kind: 'unknown' };

/**
 * The operation a request is for. Like GitHub's router, a template with more literal text wins
 * (`/commits/{ref}/status` over `/commits/{ref}` with a multi-segment ref).
 */
export function match(method: string, path: string): Match {
  const { served, omitted } = description();
  const wanted = method.toLowerCase();
  let best: { route: Route; found: RegExpExecArray; served?: ServedRoute } | undefined;
  for (const candidate of [...served, ...omitted]) {
    if (candidate.method !== wanted) continue;
    const found = candidate.regex.exec(path);
    if (found && (!best || candidate.literal > best.route.literal)) best = { route: candidate, found, ...('id' in candidate ? { served: candidate as ServedRoute } : {}) };
  }
  if (best?.served) {
    const { found } = best;
    return { kind: 'served', route: best.served, params: Object.fromEntries(best.route.names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])) };
  }
  return best ? { kind: 'omitted', route: best.route } : { kind: 'unknown' };
}

/** The JSON pointer to an operation's application/json request body schema, if it takes one. */
export function requestBodySchema(r: ServedRoute): { pointer: string; required: boolean } | undefined {
  const body = r.operation.requestBody;
  if (!body) return undefined;
  if (body.$ref) {
    const resolved = description().spec.components.requestBodies?.[refName(body.$ref)];
    return resolved?.content?.['application/json'] ? { pointer: pointer('components', 'requestBodies', refName(body.$ref), 'content', 'application/json', 'schema'), required: resolved.required === true } : undefined;
  }
  return body.content?.['application/json'] ? { pointer: pointer('paths', r.template, r.method, 'requestBody', 'content', 'application/json', 'schema'), required: body.required === true } : undefined;
}

/** The JSON pointer to the schema documented for a response status, '' if it has no JSON body, undefined if the status is undocumented. */
export function responseSchema(r: ServedRoute, status: number): string | undefined {
  const response = r.operation.responses[String(status)];
  if (!response) return undefined;
  if (response.$ref) {
    const name = refName(response.$ref);
    return description().spec.components.responses[name]?.content?.['application/json'] ? pointer('components', 'responses', name, 'content', 'application/json', 'schema') : '';
  }
  return response.content?.['application/json'] ? pointer('paths', r.template, r.method, 'responses', String(status), 'content', 'application/json', 'schema') : '';
}

/** A query or path parameter's text as the JSON value its schema describes. */
export function parameterValue(schema: unknown, text: string): unknown {
  const type = (schema as { type?: string } | undefined)?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
