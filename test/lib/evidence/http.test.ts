import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ONLY, type AddressPolicy } from '../../../scripts/lib/evidence/address-policy.ts';
import { NO_CACHE, type ResultCache } from '../../../scripts/lib/evidence/cache.ts';
import type { CheckContext, NetworkOptions } from '../../../scripts/lib/evidence/checker.ts';
import { HttpChecker, retryAfterMs } from '../../../scripts/lib/evidence/checkers/http.ts';
import { pageParser } from '../../../scripts/lib/evidence/page-parser.ts';
import { fixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await fixtureServer();
});
const pages = pageParser();
afterAll(() => Promise.all([server.close(), pages.close()]));

const context: CheckContext = { mode: 'online', version: '1.2.0', released: '2026-01-01', operator: undefined, localRepositories: new Map(), docsSource: undefined };
const LOOPBACK: AddressPolicy = { allow: new Set(['127.0.0.1']) };

function checker(overrides: Partial<NetworkOptions> = {}) {
  return new HttpChecker({
    policy: LOOPBACK,
    cache: NO_CACHE,
    concurrency: 8,
    perHost: 2,
    timeoutMs: 1000,
    retries: 2,
    backoffMs: 10,
    maxRetryAfterMs: 5000,
    userAgent: 'ofm-test',
    pages,
    ...overrides,
  });
}

async function check(path: string, overrides: Partial<NetworkOptions> = {}) {
  const c = checker(overrides);
  try {
    return await c.check(new URL(`${server.origin}${path}`), context);
  } finally {
    await c.close();
  }
}

describe('HTTP link checks against a real server on 127.0.0.1', () => {
  it('finds element ids and <a name> anchors in HTML', async () => {
    expect(await check('/docs/1.2/backup.html#retention-policies')).toMatchObject({ via: 'http', httpStatus: 200, anchor: 'found' });
    expect((await check('/docs/1.2/backup.html#legacy-anchor')).anchor).toBe('found');
    expect((await check('/docs/1.2/backup.html')).anchor).toBe('none');
  });

  it('reports a missing anchor', async () => {
    const outcome = await check('/docs/1.2/backup.html#restore');
    expect(outcome).toMatchObject({ anchor: 'missing', problem: { id: 'evidence-anchor', message: 'The page has no anchor "#restore".' } });
  });

  it('reads Markdown pages by their heading anchors, repeated headings included', async () => {
    expect((await check('/docs/1.2/install.md#helm-chart-1')).anchor).toBe('found');
    expect((await check('/docs/1.2/install.md#helm')).anchor).toBe('missing');
  });

  it('reports 404 as not found', async () => {
    expect((await check('/gone')).problem).toMatchObject({ id: 'evidence-not-found', message: 'The page does not exist (HTTP 404).' });
  });

  it.each([
    ['/moved', 301],
    ['/moved-308', 308],
  ])('warns about a permanent redirect (%s) and gives the new address, keeping the fragment', async (path, status) => {
    const outcome = await check(`${path}#encryption`);
    expect(outcome).toMatchObject({ anchor: 'found', redirects: [{ status, location: `${server.origin}/docs/1.2/backup.html` }] });
    expect(outcome.problem).toMatchObject({ id: 'evidence-redirect', severity: 'warning', hint: `Use the new address: ${server.origin}/docs/1.2/backup.html#encryption` });
  });

  it('follows a temporary redirect without a warning, and reports it', async () => {
    const outcome = await check('/temporary');
    expect(outcome.problem).toBeUndefined();
    expect(outcome.redirects).toEqual([{ status: 302, location: `${server.origin}/docs/1.2/backup.html` }]);
  });

  it('stops at a redirect loop', async () => {
    expect((await check('/loop-a')).problem).toMatchObject({ id: 'evidence-redirect', message: `The redirects loop back to ${server.origin}/loop-a.` });
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    const outcome = await check('/limited');
    expect(outcome.problem).toBeUndefined();
    expect(server.limitedAt).toHaveLength(2);
    expect(server.limitedAt[1]! - server.limitedAt[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a server that keeps failing, after the retries', async () => {
    const before = server.hits.get('/failing') ?? 0;
    expect((await check('/failing')).problem).toMatchObject({ id: 'evidence-http-status', message: 'The server answered HTTP 503 3 time(s).' });
    expect(server.hits.get('/failing')! - before).toBe(3);
  });

  it('times out on a slow answer', async () => {
    expect((await check('/slow', { retries: 0 })).problem).toMatchObject({ id: 'evidence-unreachable', message: 'The page did not arrive within 1 s.' });
  });

  it('refuses content that is neither HTML nor Markdown', async () => {
    expect((await check('/logo.png')).problem).toMatchObject({ id: 'evidence-content-type' });
  });

  it('keeps to the per-host limit', async () => {
    const c = checker({ perHost: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.check(new URL(`${server.origin}/busy/${i}`), context)));
    await c.close();
    expect(server.maxBusy()).toBe(2);
  });

  it('fetches a page once for all its anchors, and serves later runs from the cache', async () => {
    const store = new Map<string, unknown>();
    const cache: ResultCache = { get: (k) => store.get(k) as never, set: (k, v) => void store.set(k, v), save: async () => undefined };
    const before = server.hits.get('/docs/1.2/backup/') ?? 0;
    const first = checker({ cache });
    await Promise.all(['#backups', '#encryption', '#retention-policies'].map((f) => first.check(new URL(`${server.origin}/docs/1.2/backup/${f}`), context)));
    await first.close();
    expect(server.hits.get('/docs/1.2/backup/')! - before).toBe(1);
    const second = checker({ cache });
    const outcome = await second.check(new URL(`${server.origin}/docs/1.2/backup/#encryption`), context);
    await second.close();
    expect(outcome).toMatchObject({ anchor: 'found', fromCache: true });
    expect(server.hits.get('/docs/1.2/backup/')! - before).toBe(1);
  });
});

describe('address policy in the HTTP checker', () => {
  it('refuses loopback by default, by address and by name', async () => {
    expect((await check('/docs/1.2/backup.html', { policy: PUBLIC_ONLY })).problem).toMatchObject({ id: 'evidence-refused', message: 'Refused to connect: 127.0.0.1 is a loopback address, not a public one.' });
    const c = checker({ policy: PUBLIC_ONLY });
    const named = await c.check(new URL(`${server.origin.replace('127.0.0.1', 'localhost')}/docs/1.2/backup.html`), context);
    await c.close();
    expect(named.problem).toMatchObject({ id: 'evidence-refused' });
    expect(named.problem?.message).toMatch(/^Refused to connect: localhost resolves to a refused address: (127\.0\.0\.1|::1) is a loopback address/);
  });

  it('refuses a redirect that leads to another, not allowed, address', async () => {
    const outcome = await check('/to-other-loopback');
    expect(outcome.problem).toMatchObject({ id: 'evidence-refused', message: 'Refused to connect: 127.0.0.2 is a loopback address, not a public one.' });
    expect(outcome.redirects?.[0]?.location).toMatch(/^http:\/\/127\.0\.0\.2:/);
  });

  it('refuses the cloud metadata address without connecting', async () => {
    const c = checker({ policy: PUBLIC_ONLY });
    const outcome = await c.check(new URL('http://169.254.169.254/latest/meta-data/'), context);
    await c.close();
    expect(outcome.problem).toMatchObject({ id: 'evidence-refused', message: 'Refused to connect: 169.254.169.254 is a cloud metadata address.' });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
