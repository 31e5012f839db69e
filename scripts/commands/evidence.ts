import { stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { validatorFor } from '../lib/ajv.ts';
import { toReport, type FindingsReport } from '../lib/diagnostic.ts';
import { PUBLIC_ONLY, type AddressPolicy } from '../lib/evidence/address-policy.ts';
import { NO_CACHE, openCache } from '../lib/evidence/cache.ts';
import { checkSubmission, summaryOf, type EvidenceRun, type SubmissionEvidence } from '../lib/evidence/check.ts';
import type { LinkResult } from '../lib/generated/evidence-report.ts';
import { printable } from '../lib/reporters/printable.ts';
import { DocsSourceChecker } from '../lib/evidence/checkers/docs-source.ts';
import { GithubApiChecker } from '../lib/evidence/checkers/github-api.ts';
import { HttpChecker } from '../lib/evidence/checkers/http.ts';
import { RepositoryChecker } from '../lib/evidence/checkers/repository.ts';
import { pageParser } from '../lib/evidence/page-parser.ts';
import { githubRepository } from '../lib/evidence/links.ts';
import { classifyPath, projectRelative } from '../lib/layout.ts';
import { notCheckableReasons } from '../lib/knowledge.ts';
import { openProject, openProjectsFor, placeOf, vendorPlace, type Project } from '../lib/project.ts';
import { formatReport, FORMATS, isFormat } from '../lib/reporters/index.ts';
import { INTERNAL_ERROR_RULE, RULE_DESCRIPTIONS } from '../lib/rules/index.ts';
import { schemas } from '../lib/schemas.ts';
import { dataFiles } from '../lib/validate.ts';
import { TOOL, TOOL_VERSION } from '../lib/tool.ts';
import { appendSummary } from './summary.ts';
import { UsageError, type CommandResult } from './command.ts';


/** What to check and how; the tuning fields default to the command line's defaults. */
export interface EvidenceCheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly offline: boolean;
  /** "<operator-id>=<folder or git repository>" */
  readonly docsSources: readonly string[];
  /** "<https://github.com/owner/repo>=<git repository>" */
  readonly repositories: readonly string[];
  readonly writeReport: boolean;
  readonly cacheFile?: string;
  readonly noCache: boolean;
  readonly cacheTtlHours?: number;
  readonly concurrency?: number;
  readonly perHost?: number;
  readonly timeoutSeconds?: number;
  readonly retries?: number;
  /** Tests only: addresses the checker may connect to although they are not public ("*" for any). */
  readonly allowAddresses: readonly string[];
  readonly githubApiUrl?: string;
  readonly githubToken?: string;
  /** Where progress goes as links are checked (the CLI writes it to standard error). */
  readonly progress?: (text: string) => void;
  /** A terminal: one status line rewritten in place; otherwise a plain line every PROGRESS_EVERY links. */
  readonly interactive?: boolean;
  /** Backoff before the first retry, in milliseconds. */
  readonly backoffMs?: number;
  /** Time allowed to parse one page, in milliseconds. */
  readonly parseTimeoutMs?: number;
  readonly now?: () => Date;
}

export interface EvidenceOptions extends EvidenceCheckOptions {
  readonly format: string;
  readonly color?: boolean;
  /** Also append all findings as Markdown to this file (a job summary). */
  readonly summary?: string;
  /** With --format github: annotations written, at most. */
  readonly annotations?: number;
}

/** The tuning defaults, as `ofm evidence --help` states them. */
const DEFAULTS = { cacheTtlHours: 24, concurrency: 8, perHost: 2, timeoutSeconds: 15, retries: 3 } as const;

export interface EvidenceCheck {
  readonly findings: FindingsReport;
  readonly checked: readonly SubmissionEvidence[];
  readonly mode: EvidenceRun['mode'];
  /** Reports written (project-relative paths). */
  readonly written: readonly string[];
}

async function pairs(values: readonly string[], option: string, cwd: string, key: (name: string) => string | undefined): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const name = at > 0 ? key(value.slice(0, at)) : undefined;
    if (!name) throw new UsageError(`--${option} takes <${option === 'docs-source' ? 'operator-id' : 'https://github.com/owner/repo'}>=<path>, not "${value}".`);
    const path = resolve(cwd, value.slice(at + 1));
    if (!(await stat(path).then((s) => s.isDirectory(), () => false))) throw new UsageError(`--${option}: no such folder: ${value.slice(at + 1)}`);
    map.set(name, path);
  }
  return map;
}

/** A submission whose check failed outright: one finding on it, and the run goes on. */
function failedCheck(project: Project, absolutePath: string, cause: unknown): SubmissionEvidence {
  const file = projectRelative(project.root, absolutePath) ?? absolutePath;
  const message = cause instanceof Error ? cause.message : String(cause);
  return { file, absolutePath, text: undefined, diagnostics: [{ file, line: 1, column: 1, rule: INTERNAL_ERROR_RULE, severity: 'error', message: `OFM failed while checking this submission's evidence (${message}).`, hint: 'This is a bug in OFM: please report it with the file attached.' }] };
}

const positive = (value: number, option: string) => {
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${option} takes a positive number.`);
  return value;
};

const PROGRESS_EVERY = 25;

/** Counts of checked links, the last one, and the time, as each link is done. */
export function progressReporter(write: (text: string) => void, interactive: boolean): (result: LinkResult) => void {
  const started = performance.now();
  const counts = { verified: 0, broken: 0, 'not-checkable': 0 };
  let done = 0;
  return (result) => {
    done++;
    counts[result.status]++;
    if (!interactive && done % PROGRESS_EVERY !== 0) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `[${seconds} s] ${done} link(s): ${counts.verified} verified, ${counts.broken} broken, ${counts['not-checkable']} not checkable`;
    write(interactive ? `\r\u001b[K${line} · ${printable(result.url).slice(0, 60)}` : `${line}\n`);
  };
}

/** Checks the evidence links of the submissions the paths name, and writes reports when asked. */
export async function checkEvidence(given: EvidenceCheckOptions): Promise<EvidenceCheck> {
  const options = { ...DEFAULTS, ...given };
  const here = placeOf(options.cwd);
  if (!here && options.paths.length === 0) throw new UsageError('This is neither inside an OFM project (no features/ and schema/ folders above) nor in a repository of submissions (no submissions/ folder above). Run it there, or name the submissions to check.');
  const paths = options.paths.map((p) => resolve(options.cwd, p));
  for (const [i, path] of paths.entries()) {
    if (!(await stat(path).then(() => true, () => false))) throw new UsageError(`No such file or folder: ${options.paths[i]}`);
  }
  if (!options.offline && (options.docsSources.length > 0 || options.repositories.length > 0)) {
    throw new UsageError('--docs-source and --repository are for --offline checks.');
  }
  const docsSources = await pairs(options.docsSources, 'docs-source', options.cwd, (id) => (/^[a-z][a-z0-9-]*$/.test(id) ? id : undefined));
  const repositories = await pairs(options.repositories, 'repository', options.cwd, githubRepository);
  // Each submission is checked in the project it belongs to, wherever ofm is run from.
  const fallback = here ?? vendorPlace(options.cwd);
  const groups = paths.length > 0 ? await openProjectsFor(paths, fallback) : [{ project: await openProject(fallback.root, fallback.catalogueRoot), paths: [] }];
  const work: Array<{ project: Project; file: string }> = [];
  for (const { project, paths: groupPaths } of groups) {
    for (const path of groupPaths) {
      // A file named on its own that is not a submission would otherwise be skipped in silence.
      const rel = projectRelative(project.root, path);
      if (rel !== undefined && (await stat(path)).isFile() && classifyPath(rel) !== 'submission') {
        throw new UsageError(`${rel} is not a submission; ofm evidence checks the links of submissions (submissions/<technology>/<operator>/<version>.yaml). Use ofm validate for other files.`);
      }
    }
    for (const file of await dataFiles(project, groupPaths)) {
      const rel = projectRelative(project.root, file);
      if (rel === undefined || classifyPath(rel) === 'submission') work.push({ project, file });
    }
  }
  const root = groups[0]!.project.root;

  const policy: AddressPolicy = { allow: new Set(options.allowAddresses) };
  const cache = options.offline || options.noCache ? NO_CACHE : await openCache(options.cacheFile ? resolve(options.cwd, options.cacheFile) : join(root, '.ofm-cache', 'evidence.json'), positive(options.cacheTtlHours, 'cache-ttl') * 3600_000);
  const userAgent = `ofm-evidence/${TOOL_VERSION}`;
  const pages = pageParser(options.parseTimeoutMs === undefined ? undefined : positive(options.parseTimeoutMs, 'parse-timeout'));
  const http = options.offline
    ? undefined
    : new HttpChecker({
        policy: policy.allow.size > 0 ? policy : PUBLIC_ONLY,
        cache,
        concurrency: positive(options.concurrency, 'concurrency'),
        perHost: positive(options.perHost, 'per-host'),
        timeoutMs: positive(options.timeoutSeconds, 'timeout') * 1000,
        retries: Math.max(0, Math.floor(options.retries)),
        backoffMs: options.backoffMs ?? 500,
        maxRetryAfterMs: 60_000,
        userAgent,
        pages,
      });
  const run: EvidenceRun = {
    mode: options.offline ? 'offline' : 'online',
    checkers: options.offline
      ? [new RepositoryChecker(pages), new DocsSourceChecker(pages)]
      : [new GithubApiChecker({ baseUrl: options.githubApiUrl, token: options.githubToken, cache, userAgent, maxWaitSeconds: 60, pages }), http!],
    docsSources,
    repositories,
    tool: TOOL,
    now: options.now ?? (() => new Date()),
    ...(options.progress ? { onResult: progressReporter(options.progress, options.interactive ?? false) } : {}),
  };

  const limit = pLimit(4);
  const started = performance.now();
  let checked;
  try {
    checked = await Promise.all(work.map(({ project, file }) => limit(() => checkSubmission(project, file, run).catch((cause: unknown) => failedCheck(project, file, cause)))));
  } finally {
    await http?.close();
    await pages.close();
    await cache.save();
  }

  if (options.progress) {
    const links = checked.reduce((n, c) => n + (c.report?.links.length ?? 0), 0);
    options.progress(`${options.interactive ? '\r\u001b[K' : ''}ofm evidence: ${links} link(s) in ${work.length} file(s) checked in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  }
  const written: string[] = [];
  if (options.writeReport) {
    const validate = validatorFor(() => groups[0]!.project.ajv, schemas.evidenceReport.$id);
    for (const { report, absolutePath, file, diagnostics } of checked) {
      if (!report) continue;
      const target = join(dirname(absolutePath), `${basename(absolutePath).replace(/\.ya?ml$/, '')}.evidence.json`);
      const problem = !validate(report)
        ? `it does not match its schema (${JSON.stringify(validate.errors)}), a bug in OFM`
        : await writeFile(target, `${JSON.stringify(report, null, 2)}\n`).then(() => undefined, (cause: Error) => cause.message);
      if (problem) diagnostics.push({ file, line: 1, column: 1, rule: INTERNAL_ERROR_RULE, severity: 'error', message: `The evidence report could not be written: ${problem}.`, hint: `Check that ${dirname(target)} is writable.` });
      else written.push(projectRelative(root, target) ?? target);
    }
  }

  return { findings: toReport(checked.flatMap((c) => c.diagnostics), work.length), checked, mode: run.mode, written };
}

export async function evidence(options: EvidenceOptions): Promise<CommandResult> {
  if (!isFormat(options.format)) throw new UsageError(`Unknown format "${options.format}"; use ${FORMATS.join(', ')}.`);
  const { findings, checked, mode, written } = await checkEvidence(options);
  const sources = new Map(checked.flatMap((c) => (c.text !== undefined && c.diagnostics.length > 0 ? [[c.file, c.text] as const] : [])));
  let stdout = formatReport(options.format, findings, { sources, color: options.color ?? false, descriptions: RULE_DESCRIPTIONS, ...(options.annotations === undefined ? {} : { annotations: options.annotations }) });
  if (options.summary) await appendSummary(options.summary, options.cwd, findings, 'ofm evidence');
  if (options.format === 'text') {
    const links = checked.flatMap((c) => c.report?.links ?? []);
    const all = summaryOf(links);
    stdout += `${all.links} evidence link(s) checked ${mode}: ${all.verified} verified (${all.with_warnings} with warnings), ${all.broken} broken, ${all.not_checkable} not checkable.\n`;
    for (const [reason, count] of notCheckableReasons(links.map((l) => ({ state: l.status, message: l.message })))) stdout += `  not checkable (${count}): ${reason}\n`;
    if (written.length > 0) stdout += `Wrote ${written.join(', ')}.\n`;
  }
  return { exitCode: findings.summary.errors > 0 ? 1 : 0, stdout, stderr: '' };
}
