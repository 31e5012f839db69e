// A stand-in for the parts of GitHub's REST API that OFM uses: files served from real local git
// repositories, and issue comments, labels and commit statuses kept in memory for the pull-request
// bot. Every request is matched against GitHub's published OpenAPI description (the committed
// subset in test/fixtures/github-openapi/, cut by scripts/github-openapi-subset.ts), its parameters
// and JSON body are validated against the documented schemas, and so is every response body, so
// the stand-in cannot drift into invented shapes; violations are collected for tests to assert on.
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOT_LOGIN, now, RepositoryState, user, type CommitStatus, type Issue, type IssueComment, type Label, type PullRequestFields } from './github-standin/issues.ts';
import { description, match, parameterValue, requestBodySchema, responseSchema, type Operation } from './github-standin/openapi.ts';
import type { OperationId } from './github-standin/operations.ts';

export type { CommitStatus, IssueComment, Label, User } from './github-standin/issues.ts';
export { BOT_LOGIN } from './github-standin/issues.ts';

export interface StandIn {
  readonly url: string;
  /**
   * Requests and responses that did not match GitHub's OpenAPI description, each starting with
   * the operation's path template (and its method, unless GET).
   */
  readonly violations: string[];
  /** Every request, as "METHOD path?query". */
  readonly requests: string[];
  /** Answer the next n requests with a primary rate-limit error (403, remaining 0, reset in 1 s). */
  limitNext(n: number): void;
  /** Makes an issue; comments and labels need one. Throws if the repository has it already. */
  seedIssue(ownerRepo: string, number: number, options?: { labels?: string[] }): void;
  /**
   * Makes a pull request (an issue that is a pull request). With `pull`, pulls/get and
   * pulls/list-files serve it too: its files are those git finds changed from the merge base of
   * the base and head commits, in the repository's git folder.
   */
  seedPullRequest(ownerRepo: string, number: number, options?: { labels?: string[]; pull?: PullRequestFields }): void;
  /** Adds a comment to a seeded issue or pull request; by default by the bot, as a previous run left it. */
  seedComment(ownerRepo: string, number: number, comment: { body: string; user?: string; author_association?: string; created_at?: string }): IssueComment;
  /** Adds a label to the repository (not to any issue). */
  seedLabel(ownerRepo: string, label: { name: string; color?: string; description?: string | null }): Label;
  /** An issue's or pull request's comments (oldest first) and labels, as GitHub would return them. */
  issues(ownerRepo: string, number: number): { comments: IssueComment[]; labels: Label[] };
  /** The repository's labels, in the order they were made. */
  labels(ownerRepo: string): Label[];
  /** The statuses created for a commit, oldest first. */
  statuses(ownerRepo: string, sha: string): CommitStatus[];
  close(): Promise<void>;
}

/**
 * Repositories by "owner/repo": the path of a local git repository whose files the file
 * endpoints serve, or null (or '') for a repository that only has issues, labels and statuses.
 */
export type StandInRepositories = Record<string, string | null>;

// GitHub answers any operation with these (authentication, rate limits, missing things), whether
// or not the description lists them for it; their bodies must still be GitHub's basic error.
const ALWAYS_POSSIBLE = new Set([401, 403, 404]);
const BASIC_ERROR = '#/components/schemas/basic-error';
// GitHub's limit on an issue comment's body, in characters.
const MAX_COMMENT = 65536;

interface Repository {
  readonly git: string | undefined;
  readonly state: RepositoryState;
}

interface Call {
  readonly operation: Operation;
  readonly params: Record<string, string>;
  readonly url: URL;
  readonly body: unknown;
  readonly repository: Repository;
  respond(status: number, body: unknown, headers?: Record<string, string>): void;
  /** GitHub's basic error (404 and the like). */
  fail(status: number, message: string): void;
  /** GitHub's 422 "Validation Failed", with the errors given. */
  invalid(errors: Array<Record<string, string>>): void;
}

export async function githubStandIn(repositories: StandInRepositories): Promise<StandIn> {
  const violations: string[] = [];
  const requests: string[] = [];
  let limited = 0;
  let lastId = 1_000_000_000;
  const nextId = () => ++lastId;
  const spec = description();
  const known = new Map<string, Repository>();

  const git = (repo: string, ...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'buffer', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const tryGit = (repo: string, ...args: string[]) => {
    try {
      return git(repo, ...args);
    } catch {
      return undefined;
    }
  };

  const issueOf = (call: Call): Issue | undefined => {
    const number = Number(call.params['issue_number']);
    return Number.isInteger(number) ? call.repository.state.issues.get(number) : undefined;
  };

  /** One page of a list, with GitHub's Link header (prev, next, last, first) when there are more. */
  const paginate = (call: Call, items: readonly unknown[]) => {
    const asked = (name: string, fallback: number) => {
      const value = Number(call.url.searchParams.get(name) ?? Number.NaN);
      return Number.isInteger(value) && value > 0 ? value : fallback;
    };
    const perPage = Math.min(asked('per_page', 30), 100);
    const page = asked('page', 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const at = (n: number) => {
      const link = new URL(call.url);
      link.searchParams.set('page', String(n));
      return `<${link.href}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${at(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1) rels.push(`${at(1)}; rel="first"`);
    call.respond(200, items.slice((page - 1) * perPage, page * perPage), rels.length > 0 ? { link: rels.join(', ') } : {});
  };

  const pullOf = (call: Call): { issue: Issue; pull: PullRequestFields } | undefined => {
    const issue = call.repository.state.issues.get(Number(call.params['pull_number']));
    return issue?.pull ? { issue, pull: issue.pull } : undefined;
  };
  /** GitHub's documented example of a pull request, made to say what the seeded one is. */
  const pullRequestBody = (call: Call, issue: Issue, pull: PullRequestFields) => {
    const example = structuredClone((spec.spec.components as unknown as { examples: Record<string, { value: Record<string, unknown> }> }).examples['pull-request']!.value);
    const { state } = call.repository;
    const side = (which: 'head' | 'base', sha: string, ref: string) => ({ ...(example[which] as object), sha, ref, label: `${state.fullName.split('/')[0]}:${ref}` });
    return {
      ...example,
      url: `${state.api}/pulls/${issue.number}`,
      html_url: `https://github.com/${state.fullName}/pull/${issue.number}`,
      issue_url: `${state.api}/issues/${issue.number}`,
      number: issue.number,
      state: 'open',
      merged: false,
      merged_at: null,
      closed_at: null,
      user: user(state.root, pull.author),
      // GitHub's example lists teams without the `type` its own schema requires; none here.
      requested_teams: [],
      requested_reviewers: [],
      head: side('head', pull.headSha, pull.headRef),
      base: side('base', pull.baseSha, pull.baseRef),
    };
  };

  const handlers: { [K in OperationId]: (call: Call) => void } = {
    'repos/get-content': (call) => {
      const { git: repo, state } = call.repository;
      const { api } = state;
      const html = `https://github.com/${state.fullName}`;
      const ref = call.url.searchParams.get('ref') ?? 'HEAD';
      const path = call.params['path']!.replace(/\/$/, '');
      const type = repo && tryGit(repo, 'cat-file', '-t', `${ref}:${path}`)?.toString().trim();
      if (repo && type === 'tree') {
        const entries = git(repo, 'ls-tree', '-l', `${ref}:${path}`).toString().trim().split('\n').filter(Boolean);
        return call.respond(
          200,
          entries.map((line) => {
            const [meta, entry] = line.split('\t') as [string, string];
            const [, kind, sha, size] = meta.split(/\s+/) as [string, string, string, string];
            const entryPath = `${path}/${entry}`;
            const self = `${api}/contents/${entryPath}?ref=${ref}`;
            return { type: kind === 'tree' ? 'dir' : 'file', size: kind === 'tree' ? 0 : Number(size), name: entry, path: entryPath, sha, url: self, git_url: `${api}/git/${kind === 'tree' ? 'trees' : 'blobs'}/${sha}`, html_url: `${html}/${kind}/${ref}/${entryPath}`, download_url: null, _links: { self, git: `${api}/git/blobs/${sha}`, html: `${html}/blob/${ref}/${entryPath}` } };
          }),
        );
      }
      if (!repo || type !== 'blob') return call.fail(404, 'Not Found');
      const sha = git(repo, 'rev-parse', `${ref}:${path}`).toString().trim();
      const content = git(repo, 'cat-file', 'blob', sha);
      const large = content.length > 1024 * 1024;
      const self = `${api}/contents/${path}?ref=${ref}`;
      return call.respond(200, {
        type: 'file',
        encoding: large ? 'none' : 'base64',
        size: content.length,
        name: path.split('/').pop(),
        path,
        content: large ? '' : content.toString('base64'),
        sha,
        url: self,
        git_url: `${api}/git/blobs/${sha}`,
        html_url: `${html}/blob/${ref}/${path}`,
        download_url: `https://raw.githubusercontent.com/${state.fullName}/${ref}/${path}`,
        _links: { self, git: `${api}/git/blobs/${sha}`, html: `${html}/blob/${ref}/${path}` },
      });
    },
    'git/get-blob': (call) => {
      const { git: repo } = call.repository;
      const sha = call.params['file_sha']!;
      const content = repo && tryGit(repo, 'cat-file', 'blob', sha);
      if (!content) return call.fail(404, 'Not Found');
      return call.respond(200, { sha, node_id: `B_${sha.slice(0, 12)}`, size: content.length, url: `${call.repository.state.api}/git/blobs/${sha}`, content: content.toString('base64'), encoding: 'base64' });
    },
    'repos/get-commit': (call) => {
      const { git: repo, state } = call.repository;
      if (!repo) return call.fail(404, 'Not Found');
      const sha = tryGit(repo, 'rev-parse', '--verify', '--quiet', `${call.params['ref']}^{commit}`)?.toString().trim();
      if (!sha) return call.respond(422, { message: `No commit found for SHA: ${call.params['ref']}`, documentation_url: call.operation.externalDocs?.url ?? 'https://docs.github.com/rest' });
      const tree = git(repo, 'rev-parse', `${sha}^{tree}`).toString().trim();
      const person = { name: 'OFM tests', email: 'tests@ofm.invalid', date: '2026-01-01T12:00:00Z' };
      return call.respond(200, {
        url: `${state.api}/commits/${sha}`,
        sha,
        node_id: `C_${sha.slice(0, 12)}`,
        html_url: `https://github.com/${state.fullName}/commit/${sha}`,
        comments_url: `${state.api}/commits/${sha}/comments`,
        commit: { url: `${state.api}/git/commits/${sha}`, author: person, committer: person, message: 'docs', comment_count: 0, tree: { sha: tree, url: `${state.api}/git/trees/${tree}` } },
        author: null,
        committer: null,
        parents: [],
      });
    },
    'issues/list-comments': (call) => {
      const issue = issueOf(call);
      if (!issue) return call.fail(404, 'Not Found');
      const since = call.url.searchParams.get('since');
      const sinceTime = since === null ? Number.NaN : Date.parse(since);
      paginate(call, Number.isNaN(sinceTime) ? issue.comments : issue.comments.filter((c) => Date.parse(c.updated_at) >= sinceTime));
    },
    'issues/create-comment': (call) => {
      const issue = issueOf(call);
      if (!issue) return call.fail(404, 'Not Found');
      const { body } = call.body as { body: string };
      const problem = commentProblem(body);
      if (problem) return call.invalid([problem]);
      const comment = call.repository.state.addComment(issue, body, BOT_LOGIN);
      call.respond(201, comment, { location: comment.url });
    },
    'issues/update-comment': (call) => {
      const comment = call.repository.state.comment(Number(call.params['comment_id']));
      if (!comment) return call.fail(404, 'Not Found');
      const { body } = call.body as { body: string };
      const problem = commentProblem(body);
      if (problem) return call.invalid([problem]);
      comment.body = body;
      comment.updated_at = now();
      call.respond(200, comment);
    },
    'issues/list-labels-on-issue': (call) => {
      const issue = issueOf(call);
      if (!issue) return call.fail(404, 'Not Found');
      paginate(call, issue.labels);
    },
    'issues/add-labels': (call) => {
      const issue = issueOf(call);
      if (!issue) return call.fail(404, 'Not Found');
      const { labels = [] } = (call.body ?? {}) as { labels?: Array<string | { name: string }> };
      for (const label of labels) call.repository.state.labelIssue(issue, typeof label === 'string' ? label : label.name);
      call.respond(200, issue.labels);
    },
    'issues/remove-label': (call) => {
      const issue = issueOf(call);
      const at = issue?.labels.findIndex((l) => l.name.toLowerCase() === call.params['name']!.toLowerCase()) ?? -1;
      if (!issue || at < 0) return call.fail(404, issue ? 'Label does not exist' : 'Not Found');
      issue.labels.splice(at, 1);
      call.respond(200, issue.labels);
    },
    'issues/get-label': (call) => {
      const label = call.repository.state.label(call.params['name']!);
      if (!label) return call.fail(404, 'Not Found');
      call.respond(200, label);
    },
    'issues/create-label': (call) => {
      const { name, color, description: text } = call.body as { name: string; color?: string; description?: string };
      const { state } = call.repository;
      if (state.label(name)) return call.invalid([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      const hex = color?.replace(/^#/, '');
      if (hex !== undefined && !/^[0-9a-fA-F]{6}$/.test(hex)) return call.invalid([{ resource: 'Label', code: 'invalid', field: 'color' }]);
      const label = state.addLabel(name, hex?.toLowerCase(), text ?? null);
      call.respond(201, label, { location: label.url });
    },
    'repos/create-commit-status': (call) => {
      const { git: repo, state } = call.repository;
      const sha = call.params['sha']!;
      // With a git repository GitHub's check can be made: a status needs an existing commit.
      // (GitHub's 422 here is undocumented, so it is also recorded as a violation.)
      if (repo && !tryGit(repo, 'rev-parse', '--verify', '--quiet', `${sha}^{commit}`)) {
        return call.respond(422, { message: `No commit found for SHA: ${sha}`, documentation_url: call.operation.externalDocs?.url ?? 'https://docs.github.com/rest', status: '422' });
      }
      const status = state.addStatus(sha, call.body as { state: string }, BOT_LOGIN);
      call.respond(201, status, { location: status.url });
    },
    'pulls/get': (call) => {
      const found = pullOf(call);
      if (!found) return call.fail(404, 'Not Found');
      call.respond(200, pullRequestBody(call, found.issue, found.pull));
    },
    'pulls/list-files': (call) => {
      const found = pullOf(call);
      const repo = call.repository.git;
      if (!found || !repo) return call.fail(404, 'Not Found');
      const { headSha, baseSha } = found.pull;
      const mergeBase = git(repo, 'merge-base', baseSha, headSha).toString().trim();
      const fields = git(repo, 'diff', '--name-status', '-z', '-M', mergeBase, headSha).toString().split('\0').filter(Boolean);
      const html = `https://github.com/${call.repository.state.fullName}`;
      const files: unknown[] = [];
      for (let i = 0; i < fields.length; ) {
        const code = fields[i++]!;
        const renamed = code.startsWith('R');
        const previous = renamed ? fields[i++]! : undefined;
        const filename = fields[i++]!;
        const status = renamed ? 'renamed' : ({ A: 'added', D: 'removed', M: 'modified', T: 'changed' } as Record<string, string>)[code[0]!] ?? 'modified';
        const sha = status === 'removed' ? null : git(repo, 'rev-parse', `${headSha}:${filename}`).toString().trim();
        files.push({
          sha,
          filename,
          status,
          additions: 0,
          deletions: 0,
          changes: 0,
          blob_url: `${html}/blob/${headSha}/${encodeURI(filename)}`,
          raw_url: `${html}/raw/${headSha}/${encodeURI(filename)}`,
          contents_url: `${call.repository.state.api}/contents/${encodeURI(filename)}?ref=${headSha}`,
          ...(previous ? { previous_filename: previous } : {}),
        });
      }
      paginate(call, files);
    },
  };

  /** GitHub's checks on a comment body that its schema does not express. */
  function commentProblem(body: string): Record<string, string> | undefined {
    if (body.trim() === '') return { resource: 'IssueComment', code: 'missing_field', field: 'body' };
    const length = [...body].length;
    if (length > MAX_COMMENT) return { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${MAX_COMMENT} characters)` };
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      // GitHub names every response; Octokit puts the id in its errors and logs.
      const common = { 'x-github-request-id': `0000:${requests.length.toString(16).toUpperCase()}`, ...headers };
      res.writeHead(status, body === undefined ? common : { 'content-type': 'application/json; charset=utf-8', ...common });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };

    const found = match(method, url.pathname);
    if (found.kind === 'unknown') {
      violations.push(`${method} ${url.pathname}: no such operation in GitHub's API`);
      return send(404);
    }
    if (found.kind === 'omitted') {
      violations.push(`${found.route.method.toUpperCase()} ${found.route.template}: not served by the stand-in (add it to test/helpers/github-standin/operations.ts)`);
      return send(501);
    }
    const { route, params } = found;
    const label = route.method === 'get' ? route.template : `${route.method.toUpperCase()} ${route.template}`;
    const documentation = route.operation.externalDocs?.url ?? 'https://docs.github.com/rest';
    const error = (status: number, message: string) => ({ message, documentation_url: documentation, status: String(status) });

    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const at = responseSchema(route, status) ?? (ALWAYS_POSSIBLE.has(status) ? BASIC_ERROR : undefined);
      if (at === undefined) violations.push(`${label}: status ${status} is not documented`);
      else if (at) {
        const validate = spec.schema(at);
        if (!validate(body)) violations.push(`${label} ${status}: ${spec.errors(validate)}`);
      }
      send(status, body, headers);
    };

    // Parameters: only documented ones, the required ones present, values of the documented type.
    for (const key of url.searchParams.keys()) {
      if (!route.parameters.some(({ parameter: p }) => p.in === 'query' && p.name === key)) violations.push(`${label}: unknown query parameter ${key}`);
    }
    for (const { parameter: p, schema } of route.parameters) {
      const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? (url.searchParams.get(p.name) ?? undefined) : undefined;
      if (value === undefined) {
        if (p.required && (p.in === 'path' || p.in === 'query')) violations.push(`${label}: missing required ${p.in} parameter ${p.name}`);
        continue;
      }
      const validate = spec.schema(schema);
      if (!validate(parameterValue(p.schema, value))) violations.push(`${label}: ${p.in} parameter ${spec.errors(validate, p.name)} (${JSON.stringify(value)})`);
    }

    // The request body: JSON, matching the documented schema.
    const documentedBody = requestBodySchema(route);
    let body: unknown;
    let bodyProblem: string | undefined;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        violations.push(`${label}: the request body is not JSON`);
        return send(400, error(400, 'Problems parsing JSON'));
      }
      if (!documentedBody) bodyProblem = 'the operation takes no request body';
      else {
        const validate = spec.schema(documentedBody.pointer);
        if (!validate(body)) bodyProblem = `request ${spec.errors(validate, 'body')}`;
      }
    } else if (documentedBody?.required) bodyProblem = 'the request body is required';
    if (bodyProblem) violations.push(`${label}: ${bodyProblem}`);

    if (limited > 0) {
      limited--;
      const reset = String(Math.ceil(Date.now() / 1000) + 1);
      return respond(403, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' }, {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
      });
    }
    if (route.method !== 'get' && !req.headers.authorization) {
      violations.push(`${label}: a write without an authorization header (GitHub answers 401)`);
      return respond(401, { ...error(401, 'Requires authentication'), documentation_url: 'https://docs.github.com/rest' });
    }
    const repository = known.get(`${params['owner']}/${params['repo']}`);
    if (!repository) return respond(404, error(404, 'Not Found'));
    // GitHub refuses a body that does not match the schema; the violation above says why.
    if (bodyProblem && documentedBody) return send(422, error(422, `Invalid request.\n\n${bodyProblem}`));

    handlers[route.id]({
      operation: route.operation,
      params,
      url,
      body,
      repository,
      respond,
      fail: (status, message) => respond(status, error(status, message)),
      invalid: (errors) => respond(422, { message: 'Validation Failed', errors, documentation_url: documentation, status: '422' }),
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((failure: unknown) => {
      violations.push(`stand-in failed on ${req.url}: ${(failure as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [fullName, path] of Object.entries(repositories)) {
    known.set(fullName, { git: path || undefined, state: new RepositoryState(fullName, `${base}/repos/${fullName}`, base, nextId) });
  }

  const stateOf = (ownerRepo: string) => {
    const repository = known.get(ownerRepo);
    if (!repository) throw new Error(`The stand-in has no repository ${ownerRepo}; pass it to githubStandIn`);
    return repository.state;
  };
  const issueIn = (ownerRepo: string, number: number) => {
    const issue = stateOf(ownerRepo).issues.get(number);
    if (!issue) throw new Error(`${ownerRepo} has no issue or pull request #${number}; seed it first`);
    return issue;
  };
  const seed = (ownerRepo: string, number: number, pullRequest: boolean, labels: readonly string[] = [], pull?: PullRequestFields) => {
    const state = stateOf(ownerRepo);
    const issue = state.addIssue(number, pullRequest);
    if (pull) issue.pull = pull;
    for (const name of labels) state.labelIssue(issue, name);
  };

  return {
    url: base,
    violations,
    requests,
    limitNext(n) {
      limited = n;
    },
    seedIssue: (ownerRepo, number, options = {}) => seed(ownerRepo, number, false, options.labels),
    seedPullRequest: (ownerRepo, number, options = {}) => seed(ownerRepo, number, true, options.labels, options.pull),
    seedComment(ownerRepo, number, { body, user = BOT_LOGIN, author_association, created_at }) {
      return structuredClone(stateOf(ownerRepo).addComment(issueIn(ownerRepo, number), body, user, author_association, created_at));
    },
    seedLabel(ownerRepo, { name, color, description: text }) {
      const state = stateOf(ownerRepo);
      if (state.label(name)) throw new Error(`${ownerRepo} already has the label ${name}`);
      return structuredClone(state.addLabel(name, color, text ?? null));
    },
    issues(ownerRepo, number) {
      const issue = issueIn(ownerRepo, number);
      return structuredClone({ comments: issue.comments, labels: issue.labels });
    },
    labels: (ownerRepo) => structuredClone([...stateOf(ownerRepo).labels.values()]),
    statuses: (ownerRepo, sha) => structuredClone(stateOf(ownerRepo).statuses.get(sha) ?? []),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
