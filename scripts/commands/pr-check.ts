// `ofm pr-check --base <ref>`: checks what the current branch changes against the base, as the
// pull-request workflow does, and prints the comment the bot would post (or the result as JSON,
// which the workflow hands to the commenting job).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findProjectRoot } from '../lib/layout.ts';
import { checkPullRequest, type PrCheckOptions } from '../lib/pr/check.ts';
import { renderComment } from '../lib/pr/comment.ts';
import { gitView, GitRefError } from '../lib/pr/git-view.ts';
import { failed } from '../lib/pr/result.ts';
import { openProject } from '../lib/project.ts';
import { UsageError, type CommandResult } from './command.ts';

export interface PrCheckCommandOptions {
  readonly base: string | undefined;
  readonly head?: string;
  readonly author?: string;
  readonly number?: number;
  readonly format: string;
  /** Also write the JSON result to this file. */
  readonly output?: string;
  /** Check the evidence links of changed submissions online. */
  readonly evidence: boolean;
  readonly cwd: string;
  /** Where the comment links rule ids to. Default: docs/rules.md in the project. */
  readonly rulesUrl?: string;
  readonly githubApiUrl?: string;
  readonly githubToken?: string;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

export async function prCheck(options: PrCheckCommandOptions): Promise<CommandResult> {
  if (!options.base) throw new UsageError('Name the branch the pull request goes into: --base origin/main.');
  if (!['markdown', 'json'].includes(options.format)) throw new UsageError(`Unknown format "${options.format}"; use markdown or json.`);
  if (options.author !== undefined && !LOGIN.test(options.author)) throw new UsageError(`"${options.author}" is not a GitHub login.`);
  const root = findProjectRoot(options.cwd);
  if (!root) throw new UsageError('This is not inside an OFM project (no features/ and schema/ folders above). Run it in your clone of OFM.');
  let view;
  try {
    view = await gitView(root, options.base, options.head ?? 'HEAD');
  } catch (error) {
    if (error instanceof GitRefError) throw new UsageError(error.message);
    throw error;
  }
  const evidence: PrCheckOptions['evidence'] = options.evidence
    ? async (submissions) => {
        const { checkEvidence } = await import('./evidence.ts');
        const paths = submissions.map((path) => resolve(root, path));
        const checked = await checkEvidence({ paths, cwd: root, offline: false, docsSources: [], repositories: [], writeReport: false, noCache: false, allowAddresses: [], githubApiUrl: options.githubApiUrl, githubToken: options.githubToken });
        return checked.findings;
      }
    : undefined;
  const result = await checkPullRequest({
    project: await openProject(root),
    view,
    base: options.base,
    ...(options.author ? { author: options.author } : {}),
    ...(options.number ? { number: options.number } : {}),
    ...(evidence ? { evidence } : {}),
  });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (options.output) await writeFile(resolve(options.cwd, options.output), json);
  const stdout = options.format === 'json' ? json : renderComment(result, { rulesUrl: options.rulesUrl ?? 'docs/rules.md', baseRef: options.base });
  return { exitCode: failed(result).length > 0 ? 1 : 0, stdout, stderr: '' };
}
