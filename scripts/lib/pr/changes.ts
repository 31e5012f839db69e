// What a pull request changes, read from either side of it: which operators' folders, whether a
// catalogue or a schema, which operators are new. The same model serves the local `ofm pr-check`
// (git) and the commenting job (GitHub's API), so both judge a pull request alike.
import { parse } from 'yaml';
import type { PrCheckResult } from '../generated/pr-check.ts';
import { FEATURES_DIR, ID_PATTERN, OPERATOR_FILE, operatorPath, SCHEMA_DIR, SUBMISSIONS_DIR } from '../layout.ts';

export type ChangedFile = PrCheckResult['changes']['files'][number];
export type ChangedOperator = PrCheckResult['changes']['operators'][number];
export type Changes = PrCheckResult['changes'];

/** Both sides of a pull request, read as data: nothing from the head is ever run. */
export interface PullRequestView {
  readonly baseSha: string;
  readonly headSha: string;
  readonly files: readonly ChangedFile[];
  /** A file's text at the merge base, or undefined when it does not exist there. */
  readBase(path: string): Promise<string | undefined>;
  /** A file's text at the head, or undefined when it does not exist there. */
  readHead(path: string): Promise<string | undefined>;
}

/** The same view, each file read once: several checks read the same operator.yaml and submissions. */
export function readOnce(view: PullRequestView): PullRequestView {
  const base = new Map<string, Promise<string | undefined>>();
  const head = new Map<string, Promise<string | undefined>>();
  const once = (cache: typeof base, read: (path: string) => Promise<string | undefined>) => (path: string) => {
    let text = cache.get(path);
    if (!text) cache.set(path, (text = read(path)));
    return text;
  };
  return { ...view, readBase: once(base, (p) => view.readBase(p)), readHead: once(head, (p) => view.readHead(p)) };
}

/** The technology and operator a path under submissions/ belongs to. */
export function operatorOfPath(path: string): { technology: string; id: string } | undefined {
  const [top, technology, id] = path.split('/');
  if (top !== SUBMISSIONS_DIR || !technology || !id || !ID_PATTERN.test(technology) || !ID_PATTERN.test(id)) return undefined;
  return { technology, id };
}

export async function classifyChanges(view: PullRequestView): Promise<Changes> {
  const operators = new Map<string, ChangedOperator>();
  for (const file of view.files) {
    const owner = operatorOfPath(file.path);
    if (!owner) continue;
    const key = `${owner.technology}/${owner.id}`;
    if (operators.has(key)) continue;
    const isNew = (await view.readBase(operatorPath(owner.technology, owner.id))) === undefined;
    operators.set(key, { ...owner, new: isNew });
  }
  return {
    files: [...view.files],
    operators: [...operators.values()],
    catalogue: view.files.some((f) => f.path.startsWith(`${FEATURES_DIR}/`)),
    schema: view.files.some((f) => f.path.startsWith(`${SCHEMA_DIR}/`)),
  };
}

/** The `maintainers` of an operator.yaml's text; undefined when it has none readable. */
export function maintainersOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const data: unknown = parse(text, { maxAliasCount: 0 });
    const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['maintainers'] : undefined;
    return Array.isArray(list) ? list.filter((m): m is string => typeof m === 'string') : undefined;
  } catch {
    return undefined;
  }
}

export const isOperatorFile = (path: string): boolean => path.endsWith(`/${OPERATOR_FILE}`) && operatorOfPath(path) !== undefined && path.split('/').length === 4;
