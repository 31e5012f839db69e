// Runs the link checkers over the evidence of submissions and turns what they find into link
// results (for the evidence report) and Diagnostics (for the terminal and pull requests).
import pLimit from 'p-limit';
import { operatorBeside } from '../beside.ts';
import { claimEntries, isRecord } from '../claims.ts';
import { claimDigest, submissionDigest } from '../digest.ts';
import type { Diagnostic } from '../diagnostic.ts';
import type { EvidenceReport, LinkResult, Summary } from '../generated/evidence-report.ts';
import type { Project } from '../project.ts';
import { schemas } from '../schemas.ts';
import { diagnosticsFor, loadDataFile } from '../validate.ts';
import type { CheckContext, LinkChecker, Outcome } from './checker.ts';
import { evidenceLinks, githubRepository, malformedEvidence, parseGithubLink, type EvidenceLink } from './links.ts';
import { pinningOf } from './pinning.ts';

export type { EvidenceReport };

export interface EvidenceRun {
  readonly mode: 'online' | 'offline';
  /** Tried in order; the first that accepts a link checks it. */
  readonly checkers: readonly LinkChecker[];
  /** Offline: local copies of documentation sources, by operator id. */
  readonly docsSources: ReadonlyMap<string, string>;
  /** Offline: local copies of repositories, by "owner/repo" (lower case). */
  readonly repositories: ReadonlyMap<string, string>;
  readonly tool: string;
  readonly now: () => Date;
  /** Told of each link once it is checked (for progress output). */
  readonly onResult?: (result: LinkResult) => void;
}

export interface SubmissionEvidence {
  readonly file: string;
  readonly absolutePath: string;
  readonly text: string | undefined;
  readonly diagnostics: Diagnostic[];
  /** Absent when the file could not be read as a submission. */
  readonly report?: EvidenceReport;
}

function statusOf(outcome: Outcome): LinkResult['status'] {
  if (outcome.via === 'none') return 'not-checkable';
  if (outcome.problem && outcome.problem.severity !== 'warning') return 'broken';
  return 'verified';
}

export function summaryOf(links: readonly LinkResult[]): Summary {
  const count = (status: LinkResult['status']) => links.filter((l) => l.status === status).length;
  const withWarnings = links.filter((l) => l.status === 'verified' && l.message !== undefined).length;
  return { links: links.length, verified: count('verified'), broken: count('broken'), not_checkable: count('not-checkable'), with_warnings: withWarnings };
}

async function checkLink(link: EvidenceLink, run: EvidenceRun, context: CheckContext): Promise<Outcome> {
  if (!URL.canParse(link.url)) {
    return { via: 'none', anchor: 'unchecked', problem: { id: 'evidence-not-found', message: 'Not an absolute URL (see `ofm validate`).', hint: 'Fix the URL first.' } };
  }
  const url = new URL(link.url);
  const checker = run.checkers.find((c) => c.accepts(url, context));
  if (!checker) return { via: 'none', anchor: 'unchecked' };
  try {
    return await checker.check(url, context);
  } catch (cause) {
    // Checkers turn every failure they know of into a problem; anything else still ends as a
    // finding on this one link, never as the end of the run.
    return {
      via: checker.via,
      anchor: 'unchecked',
      problem: { id: 'evidence-unreachable', message: `The link could not be checked (${cause instanceof Error ? cause.message : String(cause)}).`, hint: 'Check it again later; if this persists, report it as a bug in OFM.' },
    };
  }
}

function skippedMessage(url: string, run: EvidenceRun, context: CheckContext): string {
  if (run.mode === 'online') return 'Not an http(s) link.';
  const github = URL.canParse(url) ? parseGithubLink(new URL(url)) : undefined;
  if (github) return `Not checked offline: no local copy of ${github.owner}/${github.repo} (pass --repository https://github.com/${github.owner}/${github.repo}=<clone>, or check online).`;
  if (!context.operator) return 'Not checked offline: operator.yaml beside the submission is missing or invalid (see `ofm validate`).';
  const docsHost = URL.canParse(context.operator.documentation.url.replace(/\{\w+\}/g, '0')) ? new URL(context.operator.documentation.url.replace(/\{\w+\}/g, '0')).host : undefined;
  const host = URL.canParse(url) ? new URL(url).host : url;
  if (host !== docsHost) return `Not checked offline: ${host} is neither the documentation site nor a repository with a local copy (check online).`;
  if (!context.operator.documentation.source) return 'Not checked offline: the documentation has no public source to read (operator.yaml has no documentation.source); check online.';
  return 'Not checked offline: no local copy of the documentation source (pass --docs-source).';
}

export async function checkSubmission(project: Project, absolutePath: string, run: EvidenceRun): Promise<SubmissionEvidence> {
  const loaded = await loadDataFile(project, absolutePath);
  const base = { file: loaded.file, absolutePath, text: loaded.text };
  if (loaded.data === undefined) return { ...base, diagnostics: loaded.diagnostics };
  const data = loaded.data;
  const version = isRecord(data) && typeof data['version'] === 'string' ? data['version'] : '';
  const operatorId = isRecord(data) && typeof data['operator'] === 'string' ? data['operator'] : '';
  const operator = operatorBeside(project, absolutePath);

  const localRepositories = new Map(run.repositories);
  const docsSource = run.docsSources.get(operatorId);
  if (docsSource) {
    // The docs source also serves links to files of the same repository (and of the operator's
    // own repository when its documentation has no separate source).
    for (const repository of [operator?.documentation.source?.repository ?? operator?.repository]) {
      const key = githubRepository(repository);
      if (key && !localRepositories.has(key)) localRepositories.set(key, docsSource);
    }
  }
  const released = isRecord(data) && typeof data['released'] === 'string' ? data['released'] : undefined;
  const context: CheckContext = { mode: run.mode, version, released, operator, localRepositories, docsSource };
  const links = evidenceLinks(data);
  const digests = new Map(claimEntries(data).map(({ id, claim }) => [id, claimDigest(claim)]));
  const limit = pLimit(16);
  const results = await Promise.all(
    links.map((link) =>
      limit(async () => {
        const outcome = await checkLink(link, run, context);
        const pinning = pinningOf(link.url, version, operator);
        const status = statusOf(outcome);
        const message = outcome.problem?.message ?? pinning.problem?.message ?? (status === 'not-checkable' ? (outcome.note ?? skippedMessage(link.url, run, context)) : undefined);
        const result: LinkResult = {
          feature: link.feature,
          index: link.index,
          url: link.url,
          claim_digest: digests.get(link.feature)!,
          status,
          via: outcome.via,
          ...(outcome.httpStatus !== undefined ? { http_status: outcome.httpStatus } : {}),
          ...(outcome.finalUrl ? { final_url: outcome.finalUrl } : {}),
          ...(outcome.redirects ? { redirects: outcome.redirects } : {}),
          ...(outcome.source ? { source: outcome.source } : {}),
          anchor: outcome.anchor,
          pinned: pinning.pinned,
          ...(outcome.fromCache ? { from_cache: true } : {}),
          ...(message ? { message } : {}),
        };
        run.onResult?.(result);
        const findings = outcome.problem ? [{ id: outcome.problem.id, severity: outcome.problem.severity ?? 'error', message: outcome.problem.message, hint: outcome.problem.hint }] : [];
        return { link, result, findings };
      }),
    ),
  );

  const diagnostics = [...loaded.diagnostics];
  for (const path of malformedEvidence(data)) {
    const message = 'This evidence entry is not a { title, url } mapping with a URL, so there is no link here to check.';
    diagnostics.push(...diagnosticsFor(loaded, 'evidence-malformed', [{ at: { path }, severity: 'error', message, hint: 'Write it as `- title: …` and `url: https://…` lines; `ofm validate` says what is wrong with it.' }]));
  }
  for (const { link, findings } of results) {
    for (const f of findings) {
      diagnostics.push(...diagnosticsFor(loaded, f.id, [{ at: { path: link.path }, severity: f.severity as 'error' | 'warning', message: f.message, hint: f.hint }]));
    }
  }
  const linkResults = results.map((r) => r.result);
  const report: EvidenceReport = {
    $schema: schemas.evidenceReport.$id,
    submission: loaded.relativePath ?? loaded.file,
    submission_digest: submissionDigest(data),
    operator: operatorId,
    version,
    checked_at: run.now().toISOString(),
    mode: run.mode,
    tool: run.tool,
    links: linkResults,
    summary: summaryOf(linkResults),
  };
  return { ...base, diagnostics, report };
}
