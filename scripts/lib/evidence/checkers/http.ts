// Checks a link by fetching its page over HTTP(S): bounded concurrency overall and per host,
// timeouts, retries with backoff that honour Retry-After, redirects followed one hop at a time
// (each hop's address checked), and the page's anchors read from its HTML or Markdown.
import ipaddr from 'ipaddr.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, request, type Dispatcher } from 'undici';
import { guardedLookup, refusal, RefusedAddress } from '../address-policy.ts';
import { fragmentOf } from '../anchors.ts';
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

/** A body longer than MAX_PAGE_BYTES; reading stops there. */
const TOO_LARGE = Symbol('too large');

async function readBody(body: Dispatcher.ResponseData['body']): Promise<string | typeof TOO_LARGE> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAGE_BYTES) {
      body.destroy();
      return TOO_LARGE;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What one request answered: its status and, for an HTML or Markdown page, its text. */
interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Set for a redirect. */
  readonly location?: string;
  readonly kind?: 'html' | 'markdown';
  readonly text?: string | typeof TOO_LARGE;
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
  private readonly fetched = new Map<string, Promise<PageResult>>();

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
    let pending = this.fetched.get(address);
    if (!pending) {
      const cached = this.options.cache.get<PageResult>(`http:${address}`);
      pending = cached ? Promise.resolve({ ...cached, fromCache: true }) : this.fetchPage(key);
      this.fetched.set(address, pending);
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
      const answer = await this.limitFor(target.host)(() => this.all(() => this.fetchWithRetries(target)));
      if ('failure' in answer) return { finalUrl: current.toString(), redirects, ...answer.failure };
      if (answer.location !== undefined) {
        const next = URL.canParse(answer.location, current) ? new URL(answer.location, current) : undefined;
        if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:')) {
          return {
            status: answer.status,
            finalUrl: current.toString(),
            redirects,
            problem: { id: 'evidence-redirect', message: `The page redirects to ${next ? `a ${next.protocol} address` : 'an address that is not a URL'}, which is never followed.`, hint: 'Link a public web page.' },
          };
        }
        redirects.push({ status: answer.status, location: next.toString() });
        current = next;
        continue;
      }
      const page = await this.readPage(current, answer, redirects);
      if (!page.transient) this.options.cache.set(`http:${start}`, page);
      return page;
    }
    return { finalUrl: current.toString(), redirects, problem: { id: 'evidence-redirect', message: `More than ${MAX_REDIRECTS} redirects.`, hint: 'Link the final page directly.' } };
  }

  private async readPage(url: URL, answer: Answer, redirects: PageResult['redirects']): Promise<PageResult> {
    const { status, contentType, kind, text } = answer;
    const finalUrl = url.toString();
    if (status === 404 || status === 410) {
      return { status, finalUrl, redirects, problem: { id: 'evidence-not-found', message: `The page does not exist (HTTP ${status}).`, hint: 'Find where the page moved in this release\'s documentation and link it there.' } };
    }
    if (status >= 400) {
      return { status, finalUrl, redirects, transient: status === 429 || status >= 500, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${status}.`, hint: status === 429 || status >= 500 ? 'The server is failing or limiting requests; check again later.' : 'Link a page that is public.' } };
    }
    if (!kind) {
      return { status, finalUrl, redirects, problem: { id: 'evidence-content-type', message: `The link is not an HTML or Markdown page (${contentType ?? 'no content type'}).`, hint: 'Link the documentation page that shows the claim, or the file in the repository at the release tag.' } };
    }
    if (text === TOO_LARGE || text === undefined) {
      return { status, finalUrl, redirects, problem: { id: 'evidence-content-type', message: `The page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB.`, hint: 'Link a smaller page or a section of it.' } };
    }
    const page = await this.options.pages.parse({ kind, text, slugs: 'github' });
    if ('unreadable' in page) {
      return { status, finalUrl, redirects, transient: true, problem: { id: 'evidence-content-type', message: `The page was fetched, but ${page.unreadable}.`, hint: 'Link a simpler page that shows the claim, or a file in the repository at the release tag.' } };
    }
    return { status, finalUrl, redirects, kind, anchors: page.anchors };
  }

  /**
   * One request, its body read within the same deadline, retried on 429, 5xx and network
   * failures — a connection reset or a body shorter than its Content-Length included.
   */
  private async fetchWithRetries(url: URL): Promise<Answer | { failure: Pick<PageResult, 'problem' | 'transient'> }> {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(literal)) {
      const why = refusal(literal, this.options.policy);
      if (why) return { failure: { problem: { id: 'evidence-refused', message: `Refused to connect: ${why}.`, hint: 'Evidence must be on a public web site.' } } };
    }
    let lastFailure: Pick<PageResult, 'problem' | 'transient'> | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      let wait = this.options.backoffMs * 2 ** attempt;
      const deadline = AbortSignal.timeout(this.options.timeoutMs);
      try {
        const response = await request(url, {
          method: 'GET',
          dispatcher: this.dispatcher,
          headers: { 'user-agent': this.options.userAgent, accept: 'text/html,application/xhtml+xml,text/markdown;q=0.9,*/*;q=0.1' },
          signal: deadline,
        });
        const { statusCode: status, headers } = response;
        if (status !== 429 && status < 500) {
          const location = header(headers, 'location');
          const contentType = header(headers, 'content-type');
          const kind = status < 300 ? contentKind(contentType ?? '', url) : undefined;
          if (!kind) {
            await response.body.dump();
            return { status, contentType, ...(REDIRECTS.has(status) && location !== undefined ? { location } : {}) };
          }
          return { status, contentType, kind, text: await readBody(response.body) };
        }
        await response.body.dump();
        lastFailure = { transient: true, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${status} ${attempt + 1} time(s).`, hint: 'The server is failing or limiting requests; check again later.' } };
        const asked = retryAfterMs(header(headers, 'retry-after'));
        if (asked !== undefined) {
          if (asked > this.options.maxRetryAfterMs) {
            return { failure: { transient: true, problem: { id: 'evidence-http-status', message: `The server answered HTTP ${status} and asks to wait ${Math.ceil(asked / 1000)} s.`, hint: 'Check again later.' } } };
          }
          wait = asked;
        }
      } catch (cause) {
        const refused = cause instanceof RefusedAddress || (cause as { cause?: unknown }).cause instanceof RefusedAddress;
        const message = cause instanceof Error ? cause.message : String(cause);
        if (refused) return { failure: { problem: { id: 'evidence-refused', message: `Refused to connect: ${message}.`, hint: 'Evidence must be on a public web site.' } } };
        const timeout = deadline.aborted || (cause as Error).name === 'TimeoutError' || /timeout/i.test(message);
        lastFailure = {
          transient: true,
          problem: {
            id: 'evidence-unreachable',
            message: timeout ? `The page did not arrive within ${this.options.timeoutMs / 1000} s.` : `The server could not be reached, or broke off its answer (${message}).`,
            hint: 'Check the host name; if the site is down or slow, check again later.',
          },
        };
      }
      if (attempt < this.options.retries) await sleep(wait);
    }
    return { failure: lastFailure! };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
