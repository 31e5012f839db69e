#!/usr/bin/env node
// Cuts GitHub's OpenAPI description down to what the test stand-in for GitHub's REST API serves
// (test/helpers/github-standin/operations.ts) and writes it to test/fixtures/github-openapi/.
// The full description comes from @octokit/openapi at a pinned version, fetched with `npm pack`
// into a temporary folder: the package is 385 MB unpacked, so it is not a dependency.
//
//   node_modules/node/bin/node scripts/github-openapi-subset.ts
//
// To follow a newer description, change VERSION, run this, and run the stand-in's tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVED_OPERATIONS, SUBSET_FILE, operationKey, type OperationId } from '../test/helpers/github-standin/operations.ts';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const FILE = 'generated/api.github.com.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Spec = { openapi: string; info: Json; paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The `#/components/<kind>/<name>` references inside a value, with what those reference in turn. */
function referenced(spec: Spec, roots: Json[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      const ref = node['$ref'];
      if (typeof ref === 'string') {
        const [hash, components, kind, name, ...rest] = ref.split('/');
        if (hash !== '#' || components !== 'components' || !kind || !name || rest.length > 0) throw new Error(`Unexpected reference ${ref}`);
        const [k, n] = [unescape(kind), unescape(name)];
        const target = spec.components[k]?.[n];
        if (target === undefined) throw new Error(`Dangling reference ${ref}`);
        const names = found.get(k) ?? found.set(k, new Set()).get(k)!;
        if (!names.has(n)) {
          names.add(n);
          pending.push(target);
        }
      }
      pending.push(...Object.values(node));
    }
  }
  return found;
}

/** The names of an operation's path parameters that may hold slashes (GitHub's x-multi-segment). */
function multiSegment(spec: Spec, operation: Json): string[] {
  const parameters = ((operation as { parameters?: Json[] }).parameters ?? []).map((p) => {
    const ref = (p as { $ref?: string }).$ref;
    return (ref ? spec.components['parameters']?.[unescape(ref.split('/').pop()!)] : p) as { name?: string; in?: string; 'x-multi-segment'?: boolean };
  });
  return parameters.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name!);
}

function cut(spec: Spec, operations: readonly OperationId[], origin: Record<string, string>): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const id of operations) {
    const { method, path } = operationKey(id);
    const operation = spec.paths[path]?.[method] as { operationId?: string } | undefined;
    if (!operation) throw new Error(`${SERVED_OPERATIONS[id]} is not in ${PACKAGE}@${VERSION}`);
    if (operation.operationId !== id) throw new Error(`${SERVED_OPERATIONS[id]} is ${operation.operationId} in ${PACKAGE}@${VERSION}, not ${id}`);
    (paths[path] ??= {})[method] = operation as Json;
  }
  const used = referenced(spec, Object.values(paths));
  const components: Record<string, Record<string, Json>> = {};
  // GitHub's order of kinds and of names within a kind, so regenerating gives small diffs.
  for (const [kind, entries] of Object.entries(spec.components)) {
    const names = used.get(kind);
    if (!names) continue;
    components[kind] = Object.fromEntries(Object.entries(entries).filter(([name]) => names.has(name)));
  }
  const served = new Set(operations.map((id) => SERVED_OPERATIONS[id] as string));
  const omitted = Object.fromEntries(
    Object.entries(spec.paths)
      .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, multiSegment(spec, operation)] as const))
      .filter(([operation]) => !served.has(operation)),
  );
  return {
    'x-ofm-generated': origin,
    openapi: spec.openapi,
    info: spec.info,
    paths: Object.fromEntries(Object.entries(spec.paths).filter(([path]) => paths[path]).map(([path]) => [path, paths[path]!])),
    components,
    // Only the names of the rest of GitHub's API (with their parameters that span path segments),
    // so that the stand-in can tell a request GitHub documents but the stand-in does not serve
    // from one GitHub does not document.
    'x-ofm-omitted-operations': omitted,
  } as Json;
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = fileURLToPath(SUBSET_FILE);
  const temp = mkdtempSync(join(tmpdir(), 'ofm-openapi-'));
  try {
    // `npm pack` checks the tarball against the registry's integrity; its report names the file.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', temp], { cwd: temp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Array<{ filename: string; integrity: string }>;
    if (!packed) throw new Error(`npm pack ${PACKAGE}@${VERSION} reported nothing`);
    execFileSync('tar', ['-xzf', join(temp, packed.filename.replace(/^@/, '').replace('/', '-')), '-C', temp, `package/${FILE}`]);
    const spec = JSON.parse(readFileSync(join(temp, 'package', FILE), 'utf8')) as Spec;
    const subset = cut(spec, Object.keys(SERVED_OPERATIONS) as OperationId[], {
      note: `Generated by scripts/github-openapi-subset.ts; do not edit. Regenerate with: node_modules/node/bin/node scripts/github-openapi-subset.ts`,
      source: `${PACKAGE}@${VERSION} ${FILE}`,
      integrity: packed.integrity,
      operations: `The operations in test/helpers/github-standin/operations.ts and the components they reference.`,
    });
    mkdirSync(fileURLToPath(new URL('.', SUBSET_FILE)), { recursive: true });
    writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
    process.stdout.write(`Wrote ${relative(root, out)} (${Math.round(readFileSync(out).length / 1024)} KB) from ${PACKAGE}@${VERSION}.\n`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
