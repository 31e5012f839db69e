// One interface for every way of checking a link (over HTTP, through the GitHub API, against a
// local docs source or repository). The run picks the first checker that accepts a link.
import type { LinkResult } from '../generated/evidence-report.ts';
import type { OperatorMetadata } from '../generated/operator.ts';
import type { AddressPolicy } from './address-policy.ts';
import type { ResultCache } from './cache.ts';
import type { PageParser } from './page-parser.ts';
import type { EvidenceProblemId } from './problems.ts';

export type { LinkResult };

export interface CheckContext {
  readonly mode: 'online' | 'offline';
  /** The submission's release. */
  readonly version: string;
  /** The submission's release date (YYYY-MM-DD), when it gives one. */
  readonly released: string | undefined;
  readonly operator: OperatorMetadata | undefined;
  /** Offline: local copies of repositories, by "owner/repo" (lower case). */
  readonly localRepositories: ReadonlyMap<string, string>;
  /** Offline: the local copy of this operator's documentation source (a git repository or a folder). */
  readonly docsSource: string | undefined;
}

/** What a checker found about one link; the run adds pinning and the overall status. */
export interface Outcome {
  readonly via: LinkResult['via'];
  readonly problem?: { readonly id: EvidenceProblemId; readonly message: string; readonly hint: string; readonly severity?: 'warning' };
  readonly anchor: LinkResult['anchor'];
  readonly httpStatus?: number;
  readonly finalUrl?: string;
  readonly redirects?: LinkResult['redirects'];
  readonly source?: string;
  readonly fromCache?: boolean;
  /** Why a link was not checked (with `via: "none"`). */
  readonly note?: string;
}

export interface LinkChecker {
  readonly via: LinkResult['via'];
  accepts(url: URL, context: CheckContext): boolean;
  check(url: URL, context: CheckContext): Promise<Outcome>;
}

export interface NetworkOptions {
  readonly policy: AddressPolicy;
  readonly cache: ResultCache;
  /** At most this many requests at once, overall and per host. */
  readonly concurrency: number;
  readonly perHost: number;
  /** Per attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** Further attempts after a 429, a 5xx or a network failure. */
  readonly retries: number;
  /** First backoff delay in milliseconds; doubled on each retry. */
  readonly backoffMs: number;
  /** Longest Retry-After honoured, in milliseconds; a longer one ends the attempts. */
  readonly maxRetryAfterMs: number;
  readonly userAgent: string;
  /** Where fetched pages are parsed, within a deadline. */
  readonly pages: PageParser;
}
