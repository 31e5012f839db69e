import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE } from '../../../scripts/lib/evidence/cache.ts';
import type { CheckContext } from '../../../scripts/lib/evidence/checker.ts';
import { GithubApiChecker } from '../../../scripts/lib/evidence/checkers/github-api.ts';
import { pageParser } from '../../../scripts/lib/evidence/page-parser.ts';
import { gitRepository } from '../../helpers/git.ts';
import { githubStandIn, type StandIn } from '../../helpers/github-standin.ts';

let api: StandIn;
beforeAll(async () => {
  const repo = await gitRepository();
  await repo.commit({
    'README.md': '# Demo\n\n## Installation\n\nUse Helm.\n',
    'config/crd.yaml': Array.from({ length: 30 }, (_, i) => `line${i + 1}: x`).join('\n') + '\n',
    'docs/big.md': `# Big\n\n${'x'.repeat(1024 * 1024 + 10)}\n\n## End\n`,
  });
  repo.tag('v1.2.0');
  api = await githubStandIn({ 'demo/demo-operator': repo.path });
});
const pages = pageParser();
afterAll(() => Promise.all([api.close(), pages.close()]));

const context: CheckContext = { mode: 'online', version: '1.2.0', released: '2026-01-01', operator: undefined, localRepositories: new Map(), docsSource: undefined };
const checker = () => new GithubApiChecker({ baseUrl: api.url, cache: NO_CACHE, userAgent: 'ofm-test', maxWaitSeconds: 5, pages });
const check = (path: string, c = checker()) => c.check(new URL(`https://github.com/demo/demo-operator/${path}`), context);

describe('GitHub links through the API (stand-in checked against the OpenAPI description)', () => {
  it('finds a file at the tag, a line range inside it, and a Markdown heading', async () => {
    expect(await check('blob/v1.2.0/config/crd.yaml#L10-L20')).toEqual({ via: 'github-api', anchor: 'found' });
    expect(await check('blob/v1.2.0/README.md#installation')).toEqual({ via: 'github-api', anchor: 'found' });
    expect(await check('tree/v1.2.0/config')).toEqual({ via: 'github-api', anchor: 'none' });
  });

  it('reports a line range past the end of the file', async () => {
    expect((await check('blob/v1.2.0/config/crd.yaml#L25-L40')).problem).toMatchObject({ id: 'evidence-anchor', message: 'Lines 25-40 are outside the file, which has 30 lines.' });
  });

  it('reports a missing heading', async () => {
    expect((await check('blob/v1.2.0/README.md#upgrading')).problem?.message).toBe('The file has no heading with the anchor "#upgrading".');
  });

  it('tells a missing file from a missing ref', async () => {
    expect((await check('blob/v1.2.0/docs/gone.md')).problem?.message).toBe('docs/gone.md does not exist in demo/demo-operator at v1.2.0.');
    expect((await check('blob/v9.9.9/README.md')).problem?.message).toBe('demo/demo-operator has no ref "v9.9.9".');
  });

  it('reads files over 1 MB through the blob API', async () => {
    expect(await check('blob/v1.2.0/docs/big.md#end')).toEqual({ via: 'github-api', anchor: 'found' });
    expect(api.requests.some((r) => r.startsWith('GET /repos/demo/demo-operator/git/blobs/'))).toBe(true);
  });

  it('waits for the rate limit to reset, then goes on', async () => {
    api.limitNext(1);
    const started = Date.now();
    expect(await check('blob/v1.2.0/README.md')).toEqual({ via: 'github-api', anchor: 'none' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('made only requests that GitHub documents, and got only documented answers', () => {
    expect(api.requests.length).toBeGreaterThan(5);
    expect(api.violations).toEqual([]);
  });
});

describe('the GitHub stand-in itself', () => {
  it('records requests that GitHub does not document', async () => {
    const standIn = await githubStandIn({});
    await fetch(`${standIn.url}/repos/demo/demo-operator/contents/README.md?reff=v1`);
    await fetch(`${standIn.url}/no/such/endpoint`);
    await standIn.close();
    expect(standIn.violations).toEqual([
      '/repos/{owner}/{repo}/contents/{path}: unknown query parameter reff',
      'GET /no/such/endpoint: no such operation in GitHub\'s API',
    ]);
  });
});
