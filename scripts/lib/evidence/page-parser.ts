// Pages come from servers and repositories OFM does not control, and HTML and Markdown parsers
// have inputs that take them minutes (Markdown emphasis runs are quadratic in micromark). Every
// page is parsed in a worker thread with a deadline: a page that takes longer is reported as
// unreadable and its worker is stopped, so one page can never stall a run.
import { availableParallelism } from 'node:os';
import pLimit, { type LimitFunction } from 'p-limit';
import { Piscina } from 'piscina';
import type { SlugStyle } from './slugs.ts';

export interface PageTask {
  readonly kind: 'html' | 'markdown';
  readonly text: string;
  /** How the Markdown generator makes heading anchors. */
  readonly slugs: SlugStyle;
}

export interface ParsedPage {
  readonly anchors: string[];
  /** Markdown only: the YAML front matter, when the page has one. */
  readonly frontMatter?: string;
}

/** Why a page could not be read. */
export interface Unreadable {
  readonly unreadable: string;
}

export interface PageParser {
  parse(task: PageTask): Promise<ParsedPage | Unreadable>;
  close(): Promise<void>;
}

/** Time allowed to parse one page; a large real documentation page takes well under a second. */
export const PAGE_PARSE_TIMEOUT_MS = 10_000;

// Beside this module: the source file, or in the launcher's bundle the worker's own entry point.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './page-worker.ts' : './page-worker.js', import.meta.url);

export function pageParser(timeoutMs = PAGE_PARSE_TIMEOUT_MS): PageParser {
  const threads = Math.min(2, availableParallelism());
  let pool: Piscina | undefined;
  // Tasks wait here rather than in the pool, so that a page's deadline starts when it starts.
  const limit: LimitFunction = pLimit(threads);
  return {
    parse(task) {
      pool ??= new Piscina({ filename: WORKER.href, minThreads: 0, maxThreads: threads, idleTimeout: 1000 });
      const running = pool;
      return limit(async () => {
        try {
          return (await running.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as ParsedPage;
        } catch (cause) {
          const timedOut = (cause as Error).name === 'AbortError' || (cause as Error).name === 'TimeoutError';
          return {
            unreadable: timedOut
              ? `the page could not be read within ${timeoutMs / 1000} s (it is built in a way that makes parsing it very slow)`
              : `the page could not be parsed (${(cause as Error).message})`,
          };
        }
      });
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
