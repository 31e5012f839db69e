// Looking at the objects a scenario names: finding them in the run's namespace, comparing them
// with an expected subset (with a readable diff), and evaluating JSONPath expectations.
import { JSONPath } from 'jsonpath-plus';
import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '../../claims.ts';
import type { Expectation, ObjectRef as ObjectRefDefinition } from '../../generated/conformance.ts';
import type { Cluster, KubernetesObject, ObjectRef } from '../../kubernetes/cluster.ts';

export const inNamespace = (ref: ObjectRefDefinition, namespace: string): ObjectRef => ({ ...ref, namespace });

export const describeRef = (ref: ObjectRefDefinition): string =>
  `${ref.kind} ${ref.name ?? Object.entries(ref.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`;

/** The objects a reference names (one by name, or every one with the labels). */
export async function objectsOf(cluster: Cluster, ref: ObjectRef): Promise<KubernetesObject[]> {
  if (ref.name) {
    const one = await cluster.get(ref);
    return one ? [one] : [];
  }
  return cluster.list(ref);
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Where `actual` differs from `expected` (every key of `expected`, lists item by item), one line each. */
export function subsetDiff(expected: unknown, actual: unknown, path = ''): string[] {
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [`${path || '(object)'}: expected a mapping, found ${show(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => subsetDiff(value, actual[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, found ${show(actual)}`];
    if (actual.length < expected.length) return [`${path}: expected at least ${expected.length} item(s), found ${actual.length}`];
    return expected.flatMap((item, i) => subsetDiff(item, actual[i], `${path}[${i}]`));
  }
  return isDeepStrictEqual(expected, actual) ? [] : [`${path}: expected ${show(expected)}, found ${show(actual)}`];
}

/** What does not hold among the expectations, one line each. */
export function expectationProblems(expectations: readonly Expectation[], subject: unknown): string[] {
  const problems: string[] = [];
  for (const e of expectations) {
    const found = JSONPath({ path: e.path, json: subject as object, wrap: true, eval: 'safe' }) as unknown[];
    const first = found[0];
    if (e.exists !== undefined && (found.length > 0) !== e.exists) problems.push(`${e.path}: expected ${e.exists ? 'a value' : 'nothing'}, found ${found.length > 0 ? show(first) : 'nothing'}`);
    if ('equals' in e && !isDeepStrictEqual(first, e.equals)) problems.push(`${e.path}: expected ${show(e.equals)}, found ${show(first)}`);
    if (e.at_least !== undefined && !(typeof first === 'number' && first >= e.at_least)) problems.push(`${e.path}: expected at least ${e.at_least}, found ${show(first)}`);
  }
  return problems;
}

/** Why the objects do not satisfy `matches` and `expect` (empty when they do). */
export function mismatches(objects: readonly KubernetesObject[], matches: object | undefined, expect: readonly Expectation[] | undefined, byName: boolean): string[] {
  const subject = byName ? objects[0] : { items: objects };
  const problems = expectationProblems(expect ?? [], subject);
  if (matches) for (const object of objects) problems.push(...subsetDiff(matches, object).map((line) => `${object.metadata?.name}: ${line}`));
  return problems;
}
