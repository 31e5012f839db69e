// A pull request as two commits of a local git repository: the files changed between the merge
// base and the head (what GitHub shows as the pull request's changes), and each side's files.
import { git, readFileAt, resolveRef } from '../evidence/git.ts';
import type { ChangedFile, PullRequestView } from './changes.ts';

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', M: 'modified', D: 'deleted', T: 'modified' };

/** Thrown when a ref cannot be resolved; the message says what to do. */
export class GitRefError extends Error {
  override readonly name = 'GitRefError';
}

export async function gitView(repository: string, base: string, head = 'HEAD'): Promise<PullRequestView> {
  const baseCommit = await resolveRef(repository, base);
  if (!baseCommit) throw new GitRefError(`The base "${base}" is not a commit of this repository. Fetch it first (git fetch origin main) or name another, such as origin/main.`);
  const headSha = await resolveRef(repository, head);
  if (!headSha) throw new GitRefError(`The head "${head}" is not a commit of this repository.`);
  const mergeBase = (await git(repository, ['merge-base', baseCommit, headSha]))?.trim();
  if (!mergeBase) throw new GitRefError(`"${base}" and "${head}" have no common history.`);
  // -z: paths exactly as stored, whatever characters they hold; renames as a removal and an addition.
  const out = (await git(repository, ['diff', '--name-status', '-z', '--no-renames', mergeBase, headSha])) ?? '';
  const fields = out.split('\0').filter((f) => f !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) files.push({ path: fields[i + 1]!, status: STATUS[fields[i]!] ?? 'modified' });
  return {
    baseSha: mergeBase,
    headSha,
    files,
    readBase: (path) => readFileAt(repository, mergeBase, path),
    readHead: (path) => readFileAt(repository, headSha, path),
  };
}
