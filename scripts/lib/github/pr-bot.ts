// The commenting side of the pull-request workflow. It runs with write permission, so it never
// runs the pull request's code and trusts nothing the pull request produced: the result handed
// over by the checking job is checked against its schema and shown escaped, and what decides
// ownership (who wrote the pull request, what it changes, the maintainers at the base) is read
// again here from GitHub's API. It keeps one comment, one commit status and OFM's labels.
import type { Octokit } from '@octokit/rest';
import { createAjv, validatorFor } from '../ajv.ts';
import { classifyChanges, readOnce, type ChangedFile, type PullRequestView } from '../pr/changes.ts';
import { COMMENT_MARKER, digestOf, headline, renderComment } from '../pr/comment.ts';
import { ownershipCheck } from '../pr/ownership.ts';
import { failed, findingLabels, isManagedLabel, trustedLabels, type PrCheckResult } from '../pr/result.ts';
import { schemas } from '../schemas.ts';

export const STATUS_CONTEXT = 'ofm/pr-check';

/** The run is about a commit that is no longer the pull request's head; nothing is posted. */
export class StaleRunError extends Error {
  override readonly name = 'StaleRunError';
}

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface ReportOptions extends PullRequestRef {
  readonly octokit: Octokit;
  /** The head commit the checking job ran on, from the workflow_run event (trusted). */
  readonly headSha: string;
  /** The checking job's result, as parsed from its artifact: untrusted. */
  readonly artifact: unknown;
  /** Where rule ids link to. */
  readonly rulesUrl: string;
  /** The workflow run to link the status to. */
  readonly runUrl?: string;
}

export interface ReportOutcome {
  readonly comment: 'created' | 'updated' | 'unchanged';
  readonly state: 'success' | 'failure' | 'error';
  readonly description: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const STATUS_MAP: Record<ChangedFile['status'] | 'copied' | 'changed' | 'unchanged' | 'removed', ChangedFile['status']> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  removed: 'deleted',
  renamed: 'renamed',
  copied: 'added',
  changed: 'modified',
  unchanged: 'modified',
};

/** Both sides of the pull request as GitHub has them: files listed and read through the API, as data. */
async function apiView(octokit: Octokit, pr: PullRequestRef, baseSha: string, headSha: string): Promise<PullRequestView> {
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const files: ChangedFile[] = [];
  for (const file of listed) {
    // A rename is a removal and an addition, as `ofm pr-check` sees it locally.
    if (file.status === 'renamed' && file.previous_filename) files.push({ path: file.previous_filename, status: 'deleted' }, { path: file.filename, status: 'added' });
    else files.push({ path: file.filename, status: STATUS_MAP[file.status] });
  }
  const read = async (ref: string, path: string): Promise<string | undefined> => {
    try {
      const { data } = await octokit.rest.repos.getContent({ owner: pr.owner, repo: pr.repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  };
  return { baseSha, headSha, files, readBase: (path) => read(baseSha, path), readHead: (path) => read(headSha, path) };
}

async function upsertComment(octokit: Octokit, pr: PullRequestRef, body: string): Promise<ReportOutcome['comment']> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
  // Only a comment the bot wrote counts: anyone can paste the marker into a comment of their own.
  const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(COMMENT_MARKER));
  if (!mine) {
    await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
    return 'created';
  }
  if (digestOf(mine.body ?? '') === digestOf(body)) return 'unchanged';
  await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: mine.id, body });
  return 'updated';
}

async function syncLabels(octokit: Octokit, pr: PullRequestRef, wanted: readonly string[]): Promise<{ added: string[]; removed: string[] }> {
  const current = (await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 })).map((l) => l.name);
  const added = wanted.filter((l) => !current.includes(l));
  const removed = current.filter((l) => isManagedLabel(l) && !wanted.includes(l));
  if (added.length > 0) await octokit.rest.issues.addLabels({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, labels: added });
  for (const name of removed) await octokit.rest.issues.removeLabel({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, name });
  return { added, removed };
}

const UNREADABLE = [
  COMMENT_MARKER,
  '## OFM check: ❌ the check\'s result could not be used',
  '',
  'The checking job\'s result is missing, does not match schema/pr-check.schema.json, or is about another commit. Re-run the `pr` workflow; if it fails again, the check itself broke on this pull request.',
].join('\n');

export async function reportPullRequest(options: ReportOptions): Promise<ReportOutcome> {
  const { octokit } = options;
  const pr: PullRequestRef = { owner: options.owner, repo: options.repo, number: options.number };
  const { data: pull } = await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  const headSha = pull.head.sha;
  // The number came with the artifact: it is used only for the pull request whose head is the
  // commit the checking job ran on, and only while that is still its head.
  if (headSha !== options.headSha) throw new StaleRunError(`Pull request #${pr.number}'s head is ${headSha}, not ${options.headSha}: a newer run will report, or the artifact names another pull request.`);
  const author = pull.user.login;

  const view = readOnce(await apiView(octokit, pr, pull.base.sha, headSha));
  const changes = await classifyChanges(view);
  const ownership = await ownershipCheck(view, changes, author);
  const trusted = trustedLabels(changes, ownership);

  const validate = validatorFor<PrCheckResult>(createAjv, schemas.prCheck.$id);
  const usable = validate(options.artifact) && options.artifact.pull.head_sha === headSha ? options.artifact : undefined;
  if (!usable) {
    const comment = await upsertComment(octokit, pr, `${UNREADABLE}\n`);
    const description = 'The check\'s result could not be used; re-run the pr workflow.';
    await octokit.rest.repos.createCommitStatus({ owner: pr.owner, repo: pr.repo, sha: headSha, state: 'error', context: STATUS_CONTEXT, description, ...(options.runUrl ? { target_url: options.runUrl } : {}) });
    const labels = await syncLabels(octokit, pr, trusted);
    return { comment, state: 'error', description, ...labels };
  }

  // What ownership and labels rest on comes from this side; the rest is the checking job's.
  const result: PrCheckResult = {
    ...usable,
    pull: { ...usable.pull, author, number: pr.number },
    changes,
    checks: usable.checks.map((c) => (c.id === 'ownership' ? ownership : c)),
  };
  result.labels = [...new Set([...trusted, ...findingLabels(result.checks)])].sort();
  const body = renderComment(result, { rulesUrl: options.rulesUrl, baseRef: `origin/${pull.base.ref}` });
  const comment = await upsertComment(octokit, pr, body);
  const state = failed(result).length > 0 ? 'failure' : 'success';
  // GitHub cuts a status description at 140 characters.
  const description = headline(result).replace(/^\S+ /, '').slice(0, 140);
  await octokit.rest.repos.createCommitStatus({ owner: pr.owner, repo: pr.repo, sha: headSha, state, context: STATUS_CONTEXT, description, ...(options.runUrl ? { target_url: options.runUrl } : {}) });
  const labels = await syncLabels(octokit, pr, result.labels);
  return { comment, state, description, ...labels };
}
