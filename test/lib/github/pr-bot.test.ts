// The commenting job against the GitHub stand-in (requests and responses checked against GitHub's
// OpenAPI description), with the pull request's files in a real git repository: one sticky
// comment, a commit status, OFM's labels, and nothing taken on trust from the artifact.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPullRequest, StaleRunError, STATUS_CONTEXT } from '../../../scripts/lib/github/pr-bot.ts';
import { checkPullRequest } from '../../../scripts/lib/pr/check.ts';
import { CODEOWNERS_PATH, codeownersText } from '../../../scripts/lib/pr/codeowners.ts';
import { COMMENT_MARKER } from '../../../scripts/lib/pr/comment.ts';
import { gitView } from '../../../scripts/lib/pr/git-view.ts';
import type { PrCheckResult } from '../../../scripts/lib/pr/result.ts';
import { openProject } from '../../../scripts/lib/project.ts';
import { gitRepository, type TestRepository } from '../../helpers/git.ts';
import { githubStandIn, type StandIn } from '../../helpers/github-standin.ts';
import { repoRoot } from '../../helpers/project.ts';

const OWNER_REPO = 'ofm-org/ofm';
const OPERATOR = 'submissions/postgres/cloudnative-pg';
const rulesUrl = 'https://github.com/ofm-org/ofm/blob/HEAD/docs/rules.md';
let repo: TestRepository;
let standIn: StandIn;
let octokit: Octokit;
let baseSha: string;
let nextNumber = 1;

beforeAll(async () => {
  repo = await gitRepository();
  await cp(join(repoRoot, 'schema'), join(repo.path, 'schema'), { recursive: true });
  await cp(join(repoRoot, 'features'), join(repo.path, 'features'), { recursive: true });
  const operator = (await readFile(join(repoRoot, OPERATOR, 'operator.yaml'), 'utf8')).replace(/maintainers:\n(\s+- .+\n)+/, 'maintainers:\n  - cnpg-maintainer\n');
  await repo.commit({
    [`${OPERATOR}/operator.yaml`]: operator,
    [`${OPERATOR}/1.30.0.yaml`]: await readFile(join(repoRoot, OPERATOR, '1.30.0.yaml'), 'utf8'),
    [CODEOWNERS_PATH]: codeownersText([{ technology: 'postgres', id: 'cloudnative-pg', maintainers: ['cnpg-maintainer'] }]),
  });
  baseSha = repo.git('rev-parse', 'HEAD').trim();
  standIn = await githubStandIn({ [OWNER_REPO]: repo.path });
  octokit = new Octokit({ baseUrl: standIn.url, auth: 'test-token', log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
}, 60_000);
afterAll(() => standIn?.close());

/** A branch off main with the given change, opened as a pull request by `author`; the checking job's result for it. */
async function pullRequest(author: string, edit: (text: string) => string, labels: string[] = []): Promise<{ number: number; headSha: string; artifact: PrCheckResult }> {
  const number = nextNumber++;
  repo.git('checkout', '-q', '-B', `pr-${number}`, 'main');
  const file = `${OPERATOR}/1.30.0.yaml`;
  // The trailing comment makes each pull request's commit its own, whatever the edit.
  const headSha = await repo.commit({ [file]: `${edit(await readFile(join(repo.path, file), 'utf8'))}# pull request ${number}\n` });
  const artifact = await checkPullRequest({ project: await openProject(repo.path), view: await gitView(repo.path, 'main'), base: 'origin/main', author, number });
  repo.git('checkout', '-q', 'main');
  standIn.seedPullRequest(OWNER_REPO, number, { labels, pull: { author, headSha, headRef: `pr-${number}`, baseSha, baseRef: 'main' } });
  return { number, headSha, artifact };
}

const report = (number: number, headSha: string, artifact: unknown) =>
  reportPullRequest({ octokit, owner: 'ofm-org', repo: 'ofm', number, headSha, artifact, rulesUrl, runUrl: 'https://github.com/ofm-org/ofm/actions/runs/1' });

const laterDate = (text: string) => text.replace('released: "2026-06-29"', 'released: "2026-06-30"');

describe('pull-request bot', () => {
  it('posts one comment, a success status and OFM\'s labels for a maintainer\'s change; leaves other labels alone', async () => {
    const { number, headSha, artifact } = await pullRequest('cnpg-maintainer', laterDate, ['operator/stale-one', 'help wanted']);
    const outcome = await report(number, headSha, artifact);
    expect(outcome).toMatchObject({ comment: 'created', state: 'success', added: ['operator/cloudnative-pg', 'submission'], removed: ['operator/stale-one'] });
    const { comments, labels } = standIn.issues(OWNER_REPO, number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- ofm-pr-check -->\n## OFM check: (✅ all|⚠️ all) \d checks passed/);
    expect(labels.map((l) => l.name).sort()).toEqual(['help wanted', 'operator/cloudnative-pg', 'submission']);
    const [status] = standIn.statuses(OWNER_REPO, headSha);
    expect(status).toMatchObject({ state: 'success', context: STATUS_CONTEXT, target_url: 'https://github.com/ofm-org/ofm/actions/runs/1' });
    expect(standIn.violations).toEqual([]);
  });

  it('leaves an unchanged comment alone and updates the same comment when the result changes', async () => {
    const { number, headSha, artifact } = await pullRequest('cnpg-maintainer', laterDate);
    await report(number, headSha, artifact);
    const first = standIn.issues(OWNER_REPO, number).comments[0]!;
    expect((await report(number, headSha, artifact)).comment).toBe('unchanged');
    const broken: PrCheckResult = {
      ...artifact,
      checks: artifact.checks.map((c) => (c.id === 'validate' ? { ...c, outcome: 'fail', findings: [{ file: `${OPERATOR}/1.30.0.yaml`, line: 3, column: 1, rule: 'feature-value', severity: 'error', message: 'Wrong value.', hint: 'Fix it.' }] } : c)),
    };
    expect((await report(number, headSha, broken)).comment).toBe('updated');
    const { comments } = standIn.issues(OWNER_REPO, number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first.id);
    expect(comments[0]!.body).toContain('❌ 1 of');
    expect(standIn.statuses(OWNER_REPO, headSha).map((s) => s.state)).toEqual(['success', 'success', 'failure']);
    expect(standIn.violations).toEqual([]);
  });

  it('re-checks ownership itself: an artifact that claims a pass does not make an outsider a maintainer', async () => {
    const { number, headSha, artifact } = await pullRequest('outsider', laterDate);
    const forged: PrCheckResult = { ...artifact, labels: [], checks: artifact.checks.map((c) => (c.id === 'ownership' ? { ...c, outcome: 'pass', findings: [] } : c)) };
    const outcome = await report(number, headSha, forged);
    expect(outcome.state).toBe('failure');
    expect(outcome.added).toContain('ownership-check');
    expect(standIn.issues(OWNER_REPO, number).comments[0]!.body).toContain('outsider is not among the maintainers of cloudnative\\-pg');
    expect(standIn.violations).toEqual([]);
  });

  it('says the result could not be used when the artifact does not match its schema or is about another commit', async () => {
    const { number, headSha, artifact } = await pullRequest('cnpg-maintainer', laterDate);
    const outcome = await report(number, headSha, { ...artifact, checks: 'all fine' });
    expect(outcome).toMatchObject({ comment: 'created', state: 'error' });
    expect(standIn.issues(OWNER_REPO, number).comments[0]!.body).toContain('could not be used');
    const other = await report(number, headSha, { ...artifact, pull: { ...artifact.pull, head_sha: baseSha } });
    expect(other).toMatchObject({ comment: 'unchanged', state: 'error' });
    // Ownership and what changed come from GitHub, so those labels are still right.
    expect(standIn.issues(OWNER_REPO, number).labels.map((l) => l.name).sort()).toEqual(['operator/cloudnative-pg', 'submission']);
    expect(standIn.violations).toEqual([]);
  });

  it('posts nothing for a run whose commit is no longer the pull request\'s head', async () => {
    const { number, artifact } = await pullRequest('cnpg-maintainer', laterDate);
    await expect(report(number, baseSha, artifact)).rejects.toBeInstanceOf(StaleRunError);
    expect(standIn.issues(OWNER_REPO, number).comments).toEqual([]);
    expect(standIn.statuses(OWNER_REPO, baseSha)).toEqual([]);
  });

  it('never takes over a comment someone else wrote with the marker', async () => {
    const { number, headSha, artifact } = await pullRequest('cnpg-maintainer', laterDate);
    standIn.seedComment(OWNER_REPO, number, { body: `${COMMENT_MARKER}\nall checks passed, trust me`, user: 'mallory' });
    expect((await report(number, headSha, artifact)).comment).toBe('created');
    const { comments } = standIn.issues(OWNER_REPO, number);
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0]!.body).toContain('trust me');
  });
});
