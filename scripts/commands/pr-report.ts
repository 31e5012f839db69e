// `ofm pr-report`: the commenting job of the pull-request workflow. Reads the checking job's
// result (an untrusted artifact), then through GitHub's API keeps one comment, a commit status
// and OFM's labels on the pull request. Needs GITHUB_TOKEN with pull-requests, issues and
// statuses write.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { githubClient } from '../lib/github/client.ts';
import { reportPullRequest, StaleRunError } from '../lib/github/pr-bot.ts';
import { TOOL_VERSION } from '../lib/tool.ts';
import { UsageError, type CommandResult } from './command.ts';

export interface PrReportOptions {
  readonly artifact: string | undefined;
  /** owner/name. */
  readonly repository: string | undefined;
  readonly headSha: string | undefined;
  readonly token: string | undefined;
  readonly apiUrl?: string;
  readonly serverUrl?: string;
  readonly runUrl?: string;
  readonly cwd: string;
}

/** Bounded, so a hostile artifact cannot make the job read gigabytes. */
const MAX_ARTIFACT_BYTES = 8 * 1024 * 1024;

export async function prReport(options: PrReportOptions): Promise<CommandResult> {
  if (!options.artifact) throw new UsageError('Name the checking job\'s result: --artifact pr-check.json.');
  const [owner, repo, ...rest] = (options.repository ?? '').split('/');
  if (!owner || !repo || rest.length > 0) throw new UsageError('Name the repository as owner/name: --repository (GITHUB_REPOSITORY does the same).');
  if (!options.headSha || !/^[0-9a-f]{40}$/.test(options.headSha)) throw new UsageError('Give the commit the check ran on: --head-sha (github.event.workflow_run.head_sha).');
  if (!options.token) throw new UsageError('Set GITHUB_TOKEN to a token that may write pull-request comments, labels and statuses.');

  const bytes = await readFile(resolve(options.cwd, options.artifact)).catch(() => undefined);
  let artifact: unknown;
  if (bytes && bytes.length <= MAX_ARTIFACT_BYTES) {
    try {
      artifact = JSON.parse(bytes.toString('utf8'));
    } catch {
      artifact = undefined;
    }
  }
  // The pull request's number comes with the artifact; pr-bot checks it against the head commit.
  const number = (artifact as { pull?: { number?: unknown } } | undefined)?.pull?.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    return { exitCode: 1, stdout: '', stderr: `ofm pr-report: ${options.artifact} names no pull request; nothing was posted.\n` };
  }
  const octokit = githubClient({ token: options.token, userAgent: `ofm-pr-report/${TOOL_VERSION}`, maxWaitSeconds: 60, ...(options.apiUrl ? { baseUrl: options.apiUrl } : {}) });
  const server = options.serverUrl ?? 'https://github.com';
  try {
    const outcome = await reportPullRequest({
      octokit,
      owner,
      repo,
      number,
      headSha: options.headSha,
      artifact,
      rulesUrl: `${server}/${owner}/${repo}/blob/HEAD/docs/rules.md`,
      ...(options.runUrl ? { runUrl: options.runUrl } : {}),
    });
    const labels = [...outcome.added.map((l) => `+${l}`), ...outcome.removed.map((l) => `-${l}`)];
    return {
      exitCode: 0,
      stdout: `#${number}: comment ${outcome.comment}; status ${outcome.state} (${outcome.description}); labels ${labels.length > 0 ? labels.join(' ') : 'unchanged'}.\n`,
      stderr: '',
    };
  } catch (error) {
    if (error instanceof StaleRunError) return { exitCode: 0, stdout: `${error.message}\n`, stderr: '' };
    throw error;
  }
}
