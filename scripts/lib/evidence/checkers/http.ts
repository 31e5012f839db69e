// Checks a link by fetching its page over HTTP(S): bounded concurrency overall and per host,
// timeouts, retries with backoff that honour Retry-After, redirects followed one hop at a time
// (each hop's address checked), and the page's anchors read from its HTML or Markdown.
import ipaddr from 'ipaddr.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, request, type Dispatcher } from 'undici';
import { guardedLookup, refusal, RefusedAddress } from '../address-policy.ts';
import { fragmentOf, htmlAnchors, markdownAnchors } from '../anchors.ts';
import type { CheckContext, LinkChecker, NetworkOptions, Outcome } from '../checker.ts';

const MAX_REDIRECTS = 10;
const MAX_PAGE_BYTES = 10 * 1024 * 1024;

/** What fetching one page (without its fragment) found; cached across runs. */
export interface PageResult {
  readonly status?: number;
  readonly finalUrl: string;
  readonly redirects: Array<{ status: number; location: string }>;
  readonly kind?: 'html' | 'markdown';
  readonly anchors?: string[];
  readonly problem?: Outcome['problem'];
  /** Failures that may pass on their own (network, 5xx, 429) are not cached. */
  readonly transient?: boolean;
  /** Read from the cache of an earlier run. */
  readonly fromCache?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date). */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function contentKind(contentType: string, url: URL): 'html' | 'markdown' | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/plain' && /\.(md|markdown)$/i.test(url.pathname)) return 'markdown';
  return undefined;
}

async function readBody(body: Dispatcher.ResponseData['body']): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAGE_BYTES) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export class HttpChecker implements LinkChecker {
  readonly via = 'http' as const;
  private readonly dispatcher: Agent;
  private readonly all: LimitFunction;
  private readonly hosts = new Map<string, LimitFunction>();
  private readonly pages = new Map<string, Promise<PageResult>>();

  private readonly options: NetworkOptions;

  constructor(options: NetworkOptions) {
    this.options = options;
    this.dispatcher = new Agent({
      connect: { lookup: guardedLookup(options.policy) as never, timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.all = pLimit(options.concurrency);
  }

  accepts(url: URL, context: CheckContext): boolean {
    return context.mode === 'online' && (url.protocol === 'https:' || url.protocol === 'http:');
  }

  async check(url: URL, _context?: CheckContext): Promise<Outcome> {
    const page = await this.page(url);
    const fragment = fragmentOf(url);
    const base = {
      via: this.via,
      httpStatus: page.status,
      redirects: page.redirects.length > 0 ? page.redirects : undefined,
      finalUrl: page.redirects.length > 0 ? page.finalUrl : undefined,
      fromCache: page.fromCache,
    };
    if (page.problem) return { ...base, problem: page.problem, anchor: fragment ? 'unchecked' : 'none' };
    if (!fragment) return { ...base, anchor: 'none', problem: this.permanentRedirect(page) };
    if (page.anchors?.includes(fragment)) return { ...base, anchor: 'found', problem: this.permanentRedirect(page, fragment) };
    return {
      ...base,
      anchor: 'missing',
      problem: {
        id: 'evidence-anchor',
        message: `The page has no anchor "#${fragment}".`,
        hint: 'Link a heading or element that exists on the page (open it and copy the link of the section), or drop the fragment.',
      },
    };
  }

  private permanentRedirect(page: PageResult, fragment?: string): Outcome['problem'] {
    if (!page.redirects.some((r) => r.status === 301 || r.status === 308)) return undefined;
    const target = fragment ? `${page.finalUrl}#${fragment}` : page.finalUrl;
    return { id: 'evidence-redirect', severity: 'warning', message: 'The link is permanently redirected.', hint: `Use the new address: ${target}` };
  }

  /** The page of a URL, fetched once per run and cached across runs. */
  page(url: URL): Promise<PageResult> {
    const key = new URL(url);
    key.hash = '';
    const address = key.toString();
    let pending = this.pages.get(address);
    if (!pending) {
      const cached = this.options.cache.get<PageResult>(`http:${address}`);
      pending = cached ? Promise.resolve({ ...cached, fromCache: true }) : this.fetchPage(key);
      this.pages.set(address, pending);
    }
    return pending;
  }

  private limitFor(host: string): LimitFunction {
    let limit = this.hosts.get(host);
    if (!limit) this.hosts.set(host, (limit = pLimit(this.options.perHost)));
    return limit;
  }

  private async fetchPage(start: URL): Promise<PageResult> {
    const redirects: PageResult['redirects'] = [];
    const seen = new Set<string>();
    let current = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (seen.has(current.toString())) {
        return { finalUrl: current.toString(), redirects, problem: { id: 'evidence-redirect', message: `The redirects loop back to ${current}.`, hint: 'Link the page the site means; open the URL in a browser to see where it should go.' } };
      }
      seen.add(current.toString());
      const target = current;
      const attempt = await this.limitFor(target.host)(() => this.all(() => this.fetchWithRetries(target)));
      if ('failure' in attempt) return { finalUrl: current.toString(), redirects, ...attempt.failure };
      const { response } = attempt;
      const { statusCode: status, headers } = response;
      const location = header(headers, 'location');
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        await response.body.dump();
        const next = new URL(location, current);
        redirects.push({ status, location: next.toString() });
        current = next;
        continue;
      }
      const page = await this.readPage(current, status, headers, response.body, redirects);
      if (!page.transient) this.options.cache.set(`http:${start}`, page);
      return page;
    }
    return { finalUrl: current.toString(), redirects, problem: { id: 'evidence-redirect', message: `More than ${MAX_REDIRECTS} redirects.`, hint: 'Link the final page directly.' } };
  }

  private async readPage(url: URL, status: number, headers: Record<string, string | string[] | undefined>, body: Dispatcher.ResponseData['body'], redirects: PageResult['redirects']): Promise<PageResult> {
    const finalUrl = url.toString();
    if (status === 404 || status === 410) {
      await body.dump();
      return { status, finalUrl, redirects, problem: { id: 'evidence-not-found', message: `The page does not exist (HTTP ${status}).`, hint: 'Find where the page moved in this release\'s documentation and link it there.' } };
    }
    if (status >= 400) {
      await body.dump();
      return { status, finalUrl, redirects, transient: status === 429 || status >= 500, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${status}.`, hint: status === 429 || status >= 500 ? 'The server is failing or limiting requests; check again later.' : 'Link a page that is public.' } };
    }
    const kind = contentKind(header(headers, 'content-type') ?? '', url);
    if (!kind) {
      await body.dump();
      return { status, finalUrl, redirects, problem: { id: 'evidence-content-type', message: `The link is not an HTML or Markdown page (${header(headers, 'content-type') ?? 'no content type'}).`, hint: 'Link the documentation page that shows the claim, or the file in the repository at the release tag.' } };
    }
    const text = await readBody(body);
    if (text === undefined) {
      return { status, finalUrl, redirects, problem: { id: 'evidence-content-type', message: `The page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB.`, hint: 'Link a smaller page or a section of it.' } };
    }
    const anchors = kind === 'html' ? htmlAnchors(text) : markdownAnchors(text, 'github');
    return { status, finalUrl, redirects, kind, anchors: [...anchors] };
  }

  /** One request, retried on 429, 5xx and network failures. */
  private async fetchWithRetries(url: URL): Promise<{ response: Dispatcher.ResponseData } | { failure: Pick<PageResult, 'problem' | 'transient'> }> {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(literal)) {
      const why = refusal(literal, this.options.policy);
      if (why) return { failure: { problem: { id: 'evidence-refused', message: `Refused to connect: ${why}.`, hint: 'Evidence must be on a public web site.' } } };
    }
    let lastFailure: Pick<PageResult, 'problem' | 'transient'> | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      let wait = this.options.backoffMs * 2 ** attempt;
      try {
        const response = await request(url, {
          method: 'GET',
          dispatcher: this.dispatcher,
          headers: { 'user-agent': this.options.userAgent, accept: 'text/html,application/xhtml+xml,text/markdown;q=0.9,*/*;q=0.1' },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        if (response.statusCode !== 429 && response.statusCode < 500) return { response };
        await response.body.dump();
        lastFailure = { transient: true, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${response.statusCode} ${attempt + 1} time(s).`, hint: 'The server is failing or limiting requests; check again later.' } };
        const asked = retryAfterMs(header(response.headers, 'retry-after'));
        if (asked !== undefined) {
          if (asked > this.options.maxRetryAfterMs) {
            return { failure: { transient: true, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${response.statusCode} and asks to wait ${Math.ceil(asked / 1000)} s.`, hint: 'Check again later.' } } };
          }
          wait = asked;
        }
      } catch (cause) {
        const refused = cause instanceof RefusedAddress || (cause as { cause?: unknown }).cause instanceof RefusedAddress;
        const message = (cause as Error).message;
        if (refused) return { failure: { problem: { id: 'evidence-refused', message: `Refused to connect: ${message}.`, hint: 'Evidence must be on a public web site.' } } };
        const timeout = (cause as Error).name === 'TimeoutError' || /timeout/i.test(message);
        lastFailure = { transient: true, problem: { id: 'evidence-unreachable', message: timeout ? `No answer within ${this.options.timeoutMs / 1000} s.` : `The server could not be reached (${message}).`, hint: 'Check the host name; if the site is down, check again later.' } };
      }
      if (attempt < this.options.retries) await sleep(wait);
    }
    return { failure: lastFailure! };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
