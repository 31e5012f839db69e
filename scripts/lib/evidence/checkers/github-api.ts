// Checks links to files in GitHub repositories (github.com/<owner>/<repo>/blob/<ref>/<path>)
// through the GitHub REST API: the ref exists, the file exists at it, a line range is inside the
// file, a heading anchor exists. Rate limits are respected by waiting (throttling plugin).
import { githubClient, type GithubClient } from '../../github/client.ts';
import { fragmentOf } from '../anchors.ts';
import type { ResultCache } from '../cache.ts';
import type { CheckContext, LinkChecker, Outcome } from '../checker.ts';
import { fragmentOutcome, summariseFile, type FileSummary } from '../files.ts';
import { parseGithubLink } from '../links.ts';
import type { PageParser } from '../page-parser.ts';

export interface GithubOptions {
  /** Defaults to GitHub's API; tests point it at a stand-in on 127.0.0.1. */
  readonly baseUrl?: string;
  readonly token?: string;
  readonly cache: ResultCache;
  readonly userAgent: string;
  /** Longest rate-limit wait honoured, in seconds. */
  readonly maxWaitSeconds: number;
  readonly pages: PageParser;
}

const statusOf = (error: unknown) => (error as { status?: number }).status;

export class GithubApiChecker implements LinkChecker {
  readonly via = 'github-api' as const;
  private readonly client: GithubClient;
  private readonly files = new Map<string, Promise<FileSummary>>();
  private readonly refs = new Map<string, Promise<boolean>>();
  private readonly cache: ResultCache;
  private readonly pages: PageParser;

  constructor(options: GithubOptions) {
    this.cache = options.cache;
    this.pages = options.pages;
    this.client = githubClient(options);
  }

  accepts(url: URL, context: CheckContext): boolean {
    return context.mode === 'online' && parseGithubLink(url) !== undefined;
  }

  async check(url: URL, _context?: CheckContext): Promise<Outcome> {
    const link = parseGithubLink(url)!;
    const fragment = fragmentOf(url);
    try {
      for (const { ref, path } of link.candidates) {
        const summary = await this.file(link.owner, link.repo, ref, path);
        if (summary.type !== 'missing') return { via: this.via, ...fragmentOutcome(summary, fragment) };
      }
      const { ref, path } = link.candidates[0]!;
      const refExists = await this.refExists(link.owner, link.repo, ref);
      return {
        via: this.via,
        anchor: fragment ? 'unchecked' : 'none',
        problem: refExists
          ? { id: 'evidence-not-found', message: `${path} does not exist in ${link.owner}/${link.repo} at ${ref}.`, hint: 'Check the path at the release tag; the file may have moved.' }
          : { id: 'evidence-not-found', message: `${link.owner}/${link.repo} has no ref "${ref}".`, hint: 'Use an existing tag or commit of the repository.' },
      };
    } catch (error) {
      return {
        via: this.via,
        anchor: fragment ? 'unchecked' : 'none',
        problem: { id: 'evidence-unreachable', message: `The GitHub API failed (${statusOf(error) ?? (error as Error).message}).`, hint: 'Set GITHUB_TOKEN for a higher rate limit, or check again later.' },
      };
    }
  }

  private file(owner: string, repo: string, ref: string, path: string): Promise<FileSummary> {
    const key = `github:${owner}/${repo}@${ref}:${path}`;
    let pending = this.files.get(key);
    if (!pending) {
      const cached = this.cache.get<FileSummary>(key);
      pending = cached
        ? Promise.resolve(cached)
        : this.fetchFile(owner, repo, ref, path).then((summary) => {
            // A page that could not be parsed in time may read on a less busy machine: not cached.
            if (!(summary.type === 'file' && summary.unreadable)) this.cache.set(key, summary);
            return summary;
          });
      this.files.set(key, pending);
    }
    return pending;
  }

  private async fetchFile(owner: string, repo: string, ref: string, path: string): Promise<FileSummary> {
    try {
      const { data } = await this.client.rest.repos.getContent({ owner, repo, ref, path });
      if (Array.isArray(data)) return { type: 'dir' };
      if (data.type !== 'file') return { type: 'file', lines: 0 };
      let content = 'content' in data ? data.content : '';
      if (!content && data.size > 0) {
        // Files over 1 MB come without content; the blob API serves them.
        content = (await this.client.rest.git.getBlob({ owner, repo, file_sha: data.sha })).data.content;
      }
      return summariseFile(path, Buffer.from(content, 'base64').toString('utf8'), 'github', this.pages);
    } catch (error) {
      if (statusOf(error) === 404) return { type: 'missing' };
      throw error;
    }
  }

  private refExists(owner: string, repo: string, ref: string): Promise<boolean> {
    const key = `${owner}/${repo}@${ref}`;
    let pending = this.refs.get(key);
    if (!pending) {
      pending = this.client.rest.repos.getCommit({ owner, repo, ref }).then(
        () => true,
        (error: unknown) => {
          if (statusOf(error) === 404 || statusOf(error) === 422) return false;
          throw error;
        },
      );
      this.refs.set(key, pending);
    }
    return pending;
  }
}
