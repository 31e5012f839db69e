// The GitHub stand-in itself, driven through @octokit/rest as the pull-request bot will drive it,
// and the committed subset of GitHub's OpenAPI description it checks everything against.
import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { gitRepository } from './git.ts';
import { BOT_LOGIN, githubStandIn, type StandIn } from './github-standin.ts';
import { SERVED_OPERATIONS, SUBSET_FILE, operationKey, type OperationId } from './github-standin/operations.ts';

const REPO = 'ofm/catalogue';
const [owner, repo] = REPO.split('/') as [string, string];

const open: StandIn[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function standIn(repositories: Record<string, string | null> = { [REPO]: null }) {
  const s = await githubStandIn(repositories);
  open.push(s);
  return s;
}
// Quiet: failures are what several tests ask for, and Octokit would log each one.
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const octokit = (s: StandIn, auth = 'token') => new Octokit({ baseUrl: s.url, log: quiet, ...(auth ? { auth } : {}) });
/** The HTTP status an Octokit call failed with. */
const statusOf = (call: Promise<unknown>) => call.then(() => 'succeeded', (error: { status?: number }) => error.status);

describe('issue comments', () => {
  it('creates, lists and updates a comment as github-actions[bot], with documented answers', async () => {
    const s = await standIn();
    s.seedPullRequest(REPO, 7);
    const client = octokit(s);

    const created = await client.rest.issues.createComment({ owner, repo, issue_number: 7, body: 'OFM check: 2 problems' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ body: 'OFM check: 2 problems', user: { login: BOT_LOGIN, type: 'Bot' }, author_association: 'NONE' });
    expect(created.data.html_url).toBe(`https://github.com/${REPO}/pull/7#issuecomment-${created.data.id}`);
    expect(created.headers.location).toBe(created.data.url);

    const updated = await client.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: 'OFM check: all good' });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'OFM check: all good' });

    const listed = await client.rest.issues.listComments({ owner, repo, issue_number: 7 });
    expect(listed.data.map((c) => [c.id, c.body])).toEqual([[created.data.id, 'OFM check: all good']]);
    expect(listed.headers.link).toBeUndefined();
    expect(s.issues(REPO, 7).comments.map((c) => c.body)).toEqual(['OFM check: all good']);
    expect(s.violations).toEqual([]);
  });

  it('pages like GitHub: per_page, page and a Link header that octokit.paginate follows', async () => {
    const s = await standIn();
    s.seedIssue(REPO, 1);
    for (let i = 1; i <= 205; i++) s.seedComment(REPO, 1, { body: `comment ${i}`, user: i % 2 ? 'octocat' : BOT_LOGIN });
    const client = octokit(s);

    const second = await client.rest.issues.listComments({ owner, repo, issue_number: 1, per_page: 2, page: 2 });
    expect(second.data.map((c) => c.body)).toEqual(['comment 3', 'comment 4']);
    const rels = Object.fromEntries([...second.headers.link!.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, url, rel]) => [rel, new URL(url!).searchParams.get('page')]));
    expect(rels).toEqual({ prev: '1', next: '3', last: '103', first: '1' });

    s.requests.length = 0;
    const all = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: 1, per_page: 100 });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 205 }, (_, i) => `comment ${i + 1}`));
    expect(all[0]!.user).toMatchObject({ login: 'octocat', type: 'User' });
    expect(s.requests).toEqual([1, 2, 3].map((page) => `GET /repos/${REPO}/issues/1/comments?per_page=100${page > 1 ? `&page=${page}` : ''}`));
    expect(s.violations).toEqual([]);
  });

  it('answers 404 for an issue or comment that does not exist, and 422 for a body GitHub refuses', async () => {
    const s = await standIn();
    s.seedIssue(REPO, 1);
    const client = octokit(s);
    expect(await statusOf(client.rest.issues.listComments({ owner, repo, issue_number: 2 }))).toBe(404);
    expect(await statusOf(client.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'x' }))).toBe(404);
    expect(await statusOf(client.rest.issues.createComment({ owner, repo: 'elsewhere', issue_number: 1, body: 'x' }))).toBe(404);
    expect(await statusOf(client.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x'.repeat(65537) }))).toBe(422);
    expect(s.issues(REPO, 1).comments).toEqual([]);
    expect(s.violations).toEqual([]);
  });
});

describe('labels', () => {
  it('adds labels to an issue, creating those the repository lacks, and removes them', async () => {
    const s = await standIn();
    s.seedLabel(REPO, { name: 'Bug', color: 'd73a4a', description: 'Something is wrong' });
    s.seedPullRequest(REPO, 3);
    const client = octokit(s);

    const added = await client.rest.issues.addLabels({ owner, repo, issue_number: 3, labels: ['bug', 'area/docs'] });
    expect(added.status).toBe(200);
    // An existing label is matched regardless of case; a new one gets GitHub's default colour.
    expect(added.data.map((l) => [l.name, l.color, l.description])).toEqual([
      ['Bug', 'd73a4a', 'Something is wrong'],
      ['area/docs', 'ededed', null],
    ]);
    expect((await client.rest.issues.getLabel({ owner, repo, name: 'area/docs' })).data.name).toBe('area/docs');
    expect(s.labels(REPO).map((l) => l.name)).toEqual(['Bug', 'area/docs']);

    const removed = await client.rest.issues.removeLabel({ owner, repo, issue_number: 3, name: 'area/docs' });
    expect(removed.data.map((l) => l.name)).toEqual(['Bug']);
    expect((await client.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: 3 })).data.map((l) => l.name)).toEqual(['Bug']);
    expect(await statusOf(client.rest.issues.removeLabel({ owner, repo, issue_number: 3, name: 'area/docs' }))).toBe(404);
    // Removed from the issue, the label stays in the repository.
    expect(s.labels(REPO).map((l) => l.name)).toEqual(['Bug', 'area/docs']);
    expect(s.issues(REPO, 3).labels.map((l) => l.name)).toEqual(['Bug']);
    expect(s.violations).toEqual([]);
  });

  it('creates a label, and refuses one that exists', async () => {
    const s = await standIn();
    const client = octokit(s);
    const created = await client.rest.issues.createLabel({ owner, repo, name: 'ofm:valid', color: '0E8A16' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'ofm:valid', color: '0e8a16', description: null, default: false });
    expect(await statusOf(client.rest.issues.createLabel({ owner, repo, name: 'OFM:valid' }))).toBe(422);
    expect(await statusOf(client.rest.issues.getLabel({ owner, repo, name: 'ofm:invalid' }))).toBe(404);
    expect(s.violations).toEqual([]);
  });
});

describe('commit statuses', () => {
  it('creates statuses on any commit of a repository without git', async () => {
    const s = await standIn();
    const client = octokit(s);
    const sha = 'a'.repeat(40);
    const created = await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'pending', context: 'ofm/check' });
    await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'ofm/check', target_url: 'https://ofm.invalid/run/1', description: 'All good' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ state: 'pending', context: 'ofm/check', description: null, target_url: null, creator: { login: BOT_LOGIN } });
    expect(s.statuses(REPO, sha).map((x) => [x.state, x.description])).toEqual([['pending', null], ['success', 'All good']]);
    expect(s.statuses(REPO, 'b'.repeat(40))).toEqual([]);
    expect(s.violations).toEqual([]);
  });

  it('with a git repository, only on its commits (and files still come from git)', async () => {
    const git = await gitRepository();
    const head = await git.commit({ 'README.md': '# Demo\n' });
    const s = await standIn({ [REPO]: git.path });
    const client = octokit(s);
    expect((await client.rest.repos.createCommitStatus({ owner, repo, sha: head, state: 'success' })).data.context).toBe('default');
    expect(await statusOf(client.rest.repos.createCommitStatus({ owner, repo, sha: 'f'.repeat(40), state: 'success' }))).toBe(422);
    expect((await client.rest.repos.getContent({ owner, repo, path: 'README.md' })).status).toBe(200);
    // GitHub answers 422 there, which its description does not document.
    expect(s.violations).toEqual(['POST /repos/{owner}/{repo}/statuses/{sha}: status 422 is not documented']);
  });
});

describe('what the stand-in records as violations', () => {
  it('a request body that does not match the documented schema, refused with 422', async () => {
    const s = await standIn();
    const client = octokit(s);
    // A route typed as a plain string, so that TypeScript lets the wrong state through.
    const route: string = 'POST /repos/{owner}/{repo}/statuses/{sha}';
    const sent = client.request(route, { owner, repo, sha: 'a'.repeat(40), state: 'bogus' });
    expect(await statusOf(sent)).toBe(422);
    expect(s.statuses(REPO, 'a'.repeat(40))).toEqual([]);
    expect(s.violations).toEqual(['POST /repos/{owner}/{repo}/statuses/{sha}: request body/state must be equal to one of the allowed values']);
  });

  it('a missing body, a body where none is taken, and parameters of the wrong type', async () => {
    const s = await standIn();
    s.seedIssue(REPO, 1);
    await fetch(`${s.url}/repos/${REPO}/issues/1/comments`, { method: 'POST', headers: { authorization: 'token t' } });
    await fetch(`${s.url}/repos/${REPO}/labels/bug`, { method: 'GET', headers: { 'content-type': 'application/json' } });
    await fetch(`${s.url}/repos/${REPO}/issues/1/labels/bug`, { method: 'DELETE', headers: { authorization: 'token t' }, body: '{"name":"bug"}' });
    await fetch(`${s.url}/repos/${REPO}/issues/1/comments?per_page=many`);
    expect(s.violations).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments: the request body is required',
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}: the operation takes no request body',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments: query parameter per_page must be integer ("many")',
    ]);
  });

  it('a write without an authorization header, refused with 401', async () => {
    const s = await standIn();
    s.seedIssue(REPO, 1);
    expect(await statusOf(octokit(s, '').rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hello' }))).toBe(401);
    expect(s.issues(REPO, 1).comments).toEqual([]);
    expect(s.violations).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments: a write without an authorization header (GitHub answers 401)']);
  });

  it('a response of a write that does not match its documented schema', async () => {
    const s = await standIn();
    s.seedIssue(REPO, 1);
    // Seeded state can hold what GitHub never sends; the PATCH response is checked against the PATCH schema.
    const seeded = s.seedComment(REPO, 1, { body: 'old', author_association: 'WIZARD' });
    await octokit(s).rest.issues.updateComment({ owner, repo, comment_id: seeded.id, body: 'new' });
    expect(s.violations).toEqual(['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id} 200: data/author_association must be equal to one of the allowed values']);
  });

  it('an operation GitHub documents but the stand-in does not serve, apart from one GitHub lacks', async () => {
    const s = await standIn();
    expect((await fetch(`${s.url}/repos/${REPO}/pulls?state=open`)).status).toBe(501);
    expect((await fetch(`${s.url}/repos/${REPO}/commits/main/status`)).status).toBe(501);
    expect((await fetch(`${s.url}/repos/${REPO}/contents/docs/a.md`, { method: 'PUT', headers: { authorization: 'token t' } })).status).toBe(501);
    expect((await fetch(`${s.url}/repos/${REPO}/issues/1/stickers`)).status).toBe(404);
    expect(s.violations).toEqual([
      'GET /repos/{owner}/{repo}/pulls: not served by the stand-in (add it to test/helpers/github-standin/operations.ts)',
      'GET /repos/{owner}/{repo}/commits/{ref}/status: not served by the stand-in (add it to test/helpers/github-standin/operations.ts)',
      'PUT /repos/{owner}/{repo}/contents/{path}: not served by the stand-in (add it to test/helpers/github-standin/operations.ts)',
      "GET /repos/ofm/catalogue/issues/1/stickers: no such operation in GitHub's API",
    ]);
  });
});

describe('the committed subset of GitHub\'s OpenAPI description', () => {
  const subset = JSON.parse(readFileSync(SUBSET_FILE, 'utf8')) as {
    'x-ofm-generated': { source: string };
    paths: Record<string, Record<string, { operationId: string }>>;
    components: Record<string, Record<string, unknown>>;
    'x-ofm-omitted-operations': Record<string, string[]>;
  };
  const text = readFileSync(SUBSET_FILE, 'utf8');
  const refs = new Set([...text.matchAll(/"\$ref": "#\/components\/(\w+)\/([^"]+)"/g)].map(([, kind, name]) => `${kind}/${name}`));

  it('has every operation the stand-in serves, and no other', () => {
    const served = (Object.keys(SERVED_OPERATIONS) as OperationId[]).map((id) => {
      const { method, path } = operationKey(id);
      return `${id} ${method} ${path} ${subset.paths[path]?.[method]?.operationId}`;
    });
    expect(served).toEqual((Object.keys(SERVED_OPERATIONS) as OperationId[]).map((id) => `${id} ${operationKey(id).method} ${operationKey(id).path} ${id}`));
    const inSubset = Object.values(subset.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(inSubset.sort()).toEqual(Object.keys(SERVED_OPERATIONS).sort());
    // The rest of GitHub's API is there by name only.
    const omitted = Object.keys(subset['x-ofm-omitted-operations']);
    expect(omitted.filter((key) => Object.values(SERVED_OPERATIONS).includes(key as never))).toEqual([]);
    expect(omitted).toContain('GET /repos/{owner}/{repo}/pulls');
  });

  it('holds every component those operations reference, and none they do not', () => {
    const present = new Set(Object.entries(subset.components).flatMap(([kind, entries]) => Object.keys(entries).map((name) => `${kind}/${name}`)));
    expect([...refs].filter((ref) => !present.has(ref))).toEqual([]);
    expect([...present].filter((entry) => !refs.has(entry))).toEqual([]);
  });

  it('says where it came from', () => {
    expect(subset['x-ofm-generated'].source).toMatch(/^@octokit\/openapi@\d+\.\d+\.\d+ generated\/api\.github\.com\.json$/);
  });
});
