// Where things live in an OFM repository. Every other module asks here instead of joining paths.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const FEATURES_DIR = 'features';
export const SUBMISSIONS_DIR = 'submissions';
export const SCHEMA_DIR = 'schema';
export const CATALOGUE_FILE = 'catalogue.yaml';
export const OPERATOR_FILE = 'operator.yaml';
export const SOURCES_FILE = 'sources.yaml';
export const CONFORMANCE_FILE = 'conformance.yaml';

/** An operator or technology id (schema: `id`, `operator`, `technology`). */
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A release number such as 1.30.0 or 2.0.0-rc.1 (schema: a submission's `version`). */
export const RELEASE_PATTERN = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?(-[0-9A-Za-z.-]+)?$/;

export type FileKind = 'catalogue' | 'operator' | 'submission' | 'sources' | 'conformance' | 'evidence-report' | 'conformance-report';

/** `<version>.evidence.json`: what `ofm evidence --write-report` found for `<version>.yaml`. */
export const EVIDENCE_REPORT_SUFFIX = '.evidence.json';
/** `<version>.conformance.json`: what `ofm conform` found for `<version>.yaml` on a cluster. */
export const CONFORMANCE_REPORT_SUFFIX = '.conformance.json';
/** Reports OFM writes beside a submission, by kind. */
export const REPORT_SUFFIXES = { 'evidence-report': EVIDENCE_REPORT_SUFFIX, 'conformance-report': CONFORMANCE_REPORT_SUFFIX } as const;

export const cataloguePath = (technology: string): string =>
  `${FEATURES_DIR}/${technology}/${CATALOGUE_FILE}`;
export const operatorDir = (technology: string, operator: string): string =>
  `${SUBMISSIONS_DIR}/${technology}/${operator}`;
export const operatorPath = (technology: string, operator: string): string =>
  `${operatorDir(technology, operator)}/${OPERATOR_FILE}`;
export const submissionPath = (technology: string, operator: string, version: string): string =>
  `${operatorDir(technology, operator)}/${version}.yaml`;
export const generatedSubmissionSchemaPath = (technology: string): string =>
  `${SCHEMA_DIR}/generated/${technology}.submission.schema.json`;

/** Path relative to the project root with forward slashes; undefined when outside it. */
export function projectRelative(root: string, absolutePath: string): string | undefined {
  const rel = relative(root, absolutePath);
  if (rel === '' || rel.startsWith('..') || resolve(root, rel) !== resolve(absolutePath)) return undefined;
  return rel.split(sep).join('/');
}

/** The kind of data file a project-relative path holds, from where it sits. */
export function classifyPath(rel: string): FileKind | undefined {
  const parts = rel.split('/');
  if (parts.length === 3 && parts[0] === FEATURES_DIR && parts[2] === CATALOGUE_FILE) return 'catalogue';
  if (parts.length === 4 && parts[0] === SUBMISSIONS_DIR && parts[3]?.endsWith(EVIDENCE_REPORT_SUFFIX)) return 'evidence-report';
  if (parts.length === 4 && parts[0] === SUBMISSIONS_DIR && parts[3]?.endsWith(CONFORMANCE_REPORT_SUFFIX)) return 'conformance-report';
  if (parts.length === 4 && parts[0] === SUBMISSIONS_DIR && /\.ya?ml$/.test(parts[3] ?? '')) {
    if (parts[3] === OPERATOR_FILE) return 'operator';
    if (parts[3] === CONFORMANCE_FILE) return 'conformance';
    return parts[3] === SOURCES_FILE ? 'sources' : 'submission';
  }
  return undefined;
}

/** The kind of a file outside the usual places, from its top-level keys. */
export function classifyData(data: unknown): FileKind | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  // Reports first: a conformance report also has `features` and `catalogue`.
  if ('links' in data && 'mode' in data) return 'evidence-report';
  if ('level' in data && 'summary' in data) return 'conformance-report';
  if ('features' in data && 'catalogue' in data) return 'submission';
  if ('features' in data && 'categories' in data) return 'catalogue';
  if ('vendor' in data || 'maintainers' in data) return 'operator';
  if ('releases' in data) return 'sources';
  if ('detect' in data) return 'conformance';
  if ('features' in data) return 'submission';
  return undefined;
}

/** The nearest folder at or above `start` that holds an OFM project (features/ and schema/). */
export function findProjectRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, FEATURES_DIR)) && existsSync(join(dir, SCHEMA_DIR))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The `# yaml-language-server: $schema=…` line a data file at `rel` should start with. */
export function schemaCommentFor(rel: string, kind: FileKind, technology: string): string {
  const depth = rel.split('/').length - 1;
  const up = '../'.repeat(depth);
  const target =
    kind === 'catalogue'
      ? `${SCHEMA_DIR}/catalogue.schema.json`
      : kind === 'submission'
        ? generatedSubmissionSchemaPath(technology)
        : `${SCHEMA_DIR}/${kind}.schema.json`;
  return `# yaml-language-server: $schema=${up}${target}`;
}
