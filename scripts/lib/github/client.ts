// The one way OFM makes a GitHub API client: rate limits waited out (primary and secondary, up to
// a bound), transient failures retried, and Octokit's own logging silenced (OFM reports itself).
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const GithubClient = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubClient>;

export interface GithubClientOptions {
  /** Defaults to GitHub's API; tests point it at a stand-in on 127.0.0.1. */
  readonly baseUrl?: string;
  readonly token?: string;
  readonly userAgent: string;
  /** Longest rate-limit wait honoured, in seconds. */
  readonly maxWaitSeconds: number;
}

export function githubClient(options: GithubClientOptions): GithubClient {
  const retryWithin = (retryAfter: number, _options: unknown, _client: unknown, retryCount: number) => retryCount < 2 && retryAfter <= options.maxWaitSeconds;
  return new GithubClient({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    throttle: { onRateLimit: retryWithin, onSecondaryRateLimit: retryWithin },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
