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

/**
 * Where the site publishes the schemas (schema/ as it is, below schema/v1/): each schema's `$id`
 * is its address there, so editors and other validators can fetch it. The site serves each file
 * at the path its `$id` names (site/pages/schema/); v1 changes only if a schema breaks its readers.
 */
export const PUBLISHED_SITE = 'https://operator-feature-matrix.github.io/ofm/';
export const PUBLISHED_SCHEMA_BASE = `${PUBLISHED_SITE}schema/v1/`;
/** OFM's repository, whose docs/rules.md explains every rule id (linked from Markdown reports). */
export const PUBLISHED_REPOSITORY = 'https://github.com/operator-feature-matrix/ofm';
export const PUBLISHED_RULES_URL = `${PUBLISHED_REPOSITORY}/blob/main/docs/rules.md`;
/** The published address of a file under schema/, given by its project-relative path. */
export const publishedSchemaUrl = (schemaPath: string): string => `${PUBLISHED_SCHEMA_BASE}${schemaPath.slice(SCHEMA_DIR.length + 1)}`;

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

/**
 * The nearest folder at or above `start` that holds a submissions/ folder: the root of a vendor's
 * repository that keeps its submissions in OFM's layout, without the catalogues and schemas.
 */
export function findSubmissionsRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, SUBMISSIONS_DIR))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * How data files name their schema: by a path relative to the project's schema/ folder (an OFM
 * project), or by its published address (a vendor's repository, which has no schema/ folder).
 */
export type SchemaLinks = 'relative' | 'published';

/** How a project's data files name their schemas: only an OFM project has its own schema/ folder (its catalogues are its own). */
export const schemaLinksOf = (project: { readonly root: string; readonly catalogueRoot: string }): SchemaLinks =>
  project.catalogueRoot === project.root ? 'relative' : 'published';

/** The `# yaml-language-server: $schema=…` line a data file at `rel` should start with. */
export function schemaCommentFor(rel: string, kind: FileKind, technology: string, links: SchemaLinks = 'relative'): string {
  const target =
    kind === 'catalogue'
      ? `${SCHEMA_DIR}/catalogue.schema.json`
      : kind === 'submission'
        ? generatedSubmissionSchemaPath(technology)
        : `${SCHEMA_DIR}/${kind}.schema.json`;
  if (links === 'published') return `# yaml-language-server: $schema=${publishedSchemaUrl(target)}`;
  const up = '../'.repeat(rel.split('/').length - 1);
  return `# yaml-language-server: $schema=${up}${target}`;
}
