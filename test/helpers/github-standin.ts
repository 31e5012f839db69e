// A stand-in for the parts of GitHub's REST API that OFM uses, serving files from a real local git
// repository. Every request is matched against GitHub's published OpenAPI description
// (@octokit/openapi) and every response body is validated against the schema documented for its
// status, so the stand-in cannot drift into invented shapes; violations are collected for tests to
// assert on.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const SPEC_ID = 'https://api.github.com/openapi.json';

interface Operation {
  parameters?: Array<{ $ref?: string; name?: string; in?: string; required?: boolean; schema?: unknown; 'x-multi-segment'?: boolean }>;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, { name: string; in: string; required?: boolean; schema?: unknown }>; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

let loaded: { spec: Spec; ajv: Ajv } | undefined;
function openapi() {
  if (!loaded) {
    const spec = structuredClone(require('@octokit/openapi/generated/api.github.com.json')) as Spec;
    nullableWithoutType(spec);
    // OpenAPI 3.0 schemas: Ajv's default dialect with `nullable`, formats, and GitHub's x- keywords ignored.
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajvFormats.default(ajv);
    ajv.addSchema(spec as object, SPEC_ID);
    loaded = { spec, ajv };
  }
  return loaded;
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside `allOf`/`$ref` without a `type`, which Ajv refuses;
 * such schemas are rewritten to the equivalent `anyOf: [schema, {type: null}]`.
 */
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableWithoutType);
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) nullableWithoutType(value);
  if (record['nullable'] === true && !('type' in record)) {
    const { nullable: _, ...rest } = record;
    for (const key of Object.keys(record)) delete record[key];
    record['anyOf'] = [rest, { type: 'null' }];
  }
}

const pointer = (...segments: string[]) => `#/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

export interface StandIn {
  readonly url: string;
  /** Requests and responses that did not match GitHub's OpenAPI description. */
  readonly violations: string[];
  /** Every request, as "METHOD path?query". */
  readonly requests: string[];
  /** Answer the next n requests with a primary rate-limit error (403, remaining 0, reset in 1 s). */
  limitNext(n: number): void;
  close(): Promise<void>;
}

interface Match {
  readonly template: string;
  readonly operation: Operation;
  readonly params: Record<string, string>;
}

function match(method: string, path: string): Match | undefined {
  const { spec } = openapi();
  for (const [template, item] of Object.entries(spec.paths)) {
    const operation = item[method.toLowerCase()];
    if (!operation) continue;
    const multi = new Set((operation.parameters ?? []).filter((p) => p['x-multi-segment']).map((p) => p.name));
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_, a, b) => {
      const name = a ?? b;
      names.push(name);
      return multi.has(name) ? '(.+)' : '([^/]+)';
    });
    const found = new RegExp(`^${source}$`).exec(path);
    if (found) return { template, operation, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])) };
  }
  return undefined;
}

function parametersOf(operation: Operation) {
  const { spec } = openapi();
  return (operation.parameters ?? []).map((p) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!]! : (p as { name: string; in: string; required?: boolean; schema?: unknown })));
}

export async function githubStandIn(repositories: Record<string, string>): Promise<StandIn> {
  const violations: string[] = [];
  const requests: string[] = [];
  let limited = 0;
  const { ajv } = openapi();

  const git = (repo: string, ...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'buffer', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const tryGit = (repo: string, ...args: string[]) => {
    try {
      return git(repo, ...args);
    } catch {
      return undefined;
    }
  };

  function respond(res: ServerResponse, m: Match, status: number, body: unknown, headers: Record<string, string> = {}) {
    const response = m.operation.responses[String(status)];
    const resolved = response?.$ref ? openapi().spec.components.responses[response.$ref.split('/').pop()!] : response;
    const documented = resolved?.content?.['application/json']?.schema;
    if (!response) violations.push(`${m.template}: status ${status} is not documented`);
    else if (documented) {
      const ref = response.$ref
        ? pointer('components', 'responses', response.$ref.split('/').pop()!, 'content', 'application/json', 'schema')
        : pointer('paths', m.template, 'get', 'responses', String(status), 'content', 'application/json', 'schema');
      const validate = ajv.getSchema(`${SPEC_ID}${ref}`);
      if (validate && !validate(body)) violations.push(`${m.template} ${status}: ${ajv.errorsText(validate.errors)}`);
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse, base: string) {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const m = match(req.method ?? 'GET', url.pathname);
    if (!m) {
      violations.push(`${req.method} ${url.pathname}: no such operation in GitHub's API`);
      res.writeHead(404).end();
      return;
    }
    const parameters = parametersOf(m.operation);
    for (const key of url.searchParams.keys()) {
      if (!parameters.some((p) => p.in === 'query' && p.name === key)) violations.push(`${m.template}: unknown query parameter ${key}`);
    }
    for (const p of parameters.filter((p) => p.required)) {
      const present = p.in === 'path' ? m.params[p.name] !== undefined : p.in === 'query' ? url.searchParams.has(p.name) : true;
      if (!present) violations.push(`${m.template}: missing required ${p.in} parameter ${p.name}`);
    }
    if (limited > 0) {
      limited--;
      const reset = String(Math.ceil(Date.now() / 1000) + 1);
      respond(res, m, 403, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' }, {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
      });
      return;
    }
    const repo = repositories[`${m.params['owner']}/${m.params['repo']}`];
    const notFound = () => respond(res, m, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    if (!repo) return notFound();
    const api = `${base}/repos/${m.params['owner']}/${m.params['repo']}`;
    const html = `https://github.com/${m.params['owner']}/${m.params['repo']}`;

    if (m.template === '/repos/{owner}/{repo}/contents/{path}') {
      const ref = url.searchParams.get('ref') ?? 'HEAD';
      const path = m.params['path']!.replace(/\/$/, '');
      const type = tryGit(repo, 'cat-file', '-t', `${ref}:${path}`)?.toString().trim();
      if (type === 'tree') {
        const entries = git(repo, 'ls-tree', '-l', `${ref}:${path}`).toString().trim().split('\n').filter(Boolean);
        return respond(
          res,
          m,
          200,
          entries.map((line) => {
            const [meta, name] = line.split('\t') as [string, string];
            const [, kind, sha, size] = meta.split(/\s+/) as [string, string, string, string];
            const entryPath = `${path}/${name}`;
            const self = `${api}/contents/${entryPath}?ref=${ref}`;
            return { type: kind === 'tree' ? 'dir' : 'file', size: kind === 'tree' ? 0 : Number(size), name, path: entryPath, sha, url: self, git_url: `${api}/git/${kind === 'tree' ? 'trees' : 'blobs'}/${sha}`, html_url: `${html}/${kind}/${ref}/${entryPath}`, download_url: null, _links: { self, git: `${api}/git/blobs/${sha}`, html: `${html}/blob/${ref}/${entryPath}` } };
          }),
        );
      }
      if (type !== 'blob') return notFound();
      const sha = git(repo, 'rev-parse', `${ref}:${path}`).toString().trim();
      const content = git(repo, 'cat-file', 'blob', sha);
      const large = content.length > 1024 * 1024;
      const self = `${api}/contents/${path}?ref=${ref}`;
      return respond(res, m, 200, {
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
        download_url: `https://raw.githubusercontent.com/${m.params['owner']}/${m.params['repo']}/${ref}/${path}`,
        _links: { self, git: `${api}/git/blobs/${sha}`, html: `${html}/blob/${ref}/${path}` },
      });
    }
    if (m.template === '/repos/{owner}/{repo}/git/blobs/{file_sha}') {
      const sha = m.params['file_sha']!;
      const content = tryGit(repo, 'cat-file', 'blob', sha);
      if (!content) return notFound();
      return respond(res, m, 200, { sha, node_id: `B_${sha.slice(0, 12)}`, size: content.length, url: `${api}/git/blobs/${sha}`, content: content.toString('base64'), encoding: 'base64' });
    }
    if (m.template === '/repos/{owner}/{repo}/commits/{ref}') {
      const sha = tryGit(repo, 'rev-parse', '--verify', '--quiet', `${m.params['ref']}^{commit}`)?.toString().trim();
      if (!sha) return respond(res, m, 422, { message: `No commit found for SHA: ${m.params['ref']}`, documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit' });
      const tree = git(repo, 'rev-parse', `${sha}^{tree}`).toString().trim();
      const person = { name: 'OFM tests', email: 'tests@ofm.invalid', date: '2026-01-01T12:00:00Z' };
      return respond(res, m, 200, {
        url: `${api}/commits/${sha}`,
        sha,
        node_id: `C_${sha.slice(0, 12)}`,
        html_url: `${html}/commit/${sha}`,
        comments_url: `${api}/commits/${sha}/comments`,
        commit: { url: `${api}/git/commits/${sha}`, author: person, committer: person, message: 'docs', comment_count: 0, tree: { sha: tree, url: `${api}/git/trees/${tree}` } },
        author: null,
        committer: null,
        parents: [],
      });
    }
    violations.push(`${m.template}: not served by the stand-in`);
    res.writeHead(501).end();
  }

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res, base);
    } catch (error) {
      violations.push(`stand-in failed on ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    violations,
    requests,
    limitNext(n) {
      limited = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
