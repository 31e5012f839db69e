// Offline: checks links to files in GitHub repositories against a local clone or mirror, at the
// link's ref, with the same rules as the GitHub API checker.
import { fragmentOf } from '../anchors.ts';
import type { CheckContext, LinkChecker, Outcome } from '../checker.ts';
import { fragmentOutcome, summariseFile, type FileSummary } from '../files.ts';
import { pathType, readFileAt, resolveRef } from '../git.ts';
import { parseGithubLink } from '../links.ts';
import type { PageParser } from '../page-parser.ts';

export class RepositoryChecker implements LinkChecker {
  readonly via = 'repository' as const;
  private readonly files = new Map<string, Promise<FileSummary>>();
  private readonly commits = new Map<string, Promise<string | undefined>>();
  private readonly pages: PageParser;

  constructor(pages: PageParser) {
    this.pages = pages;
  }

  private commit(local: string, ref: string): Promise<string | undefined> {
    const key = `${local}\0${ref}`;
    let pending = this.commits.get(key);
    if (!pending) this.commits.set(key, (pending = resolveRef(local, ref)));
    return pending;
  }

  accepts(url: URL, context: CheckContext): boolean {
    const link = parseGithubLink(url);
    return context.mode === 'offline' && link !== undefined && context.localRepositories.has(`${link.owner}/${link.repo}`.toLowerCase());
  }

  async check(url: URL, context: CheckContext): Promise<Outcome> {
    const link = parseGithubLink(url)!;
    const local = context.localRepositories.get(`${link.owner}/${link.repo}`.toLowerCase())!;
    const fragment = fragmentOf(url);
    for (const { ref, path } of link.candidates) {
      const summary = await this.file(local, ref, path);
      if (summary.type !== 'missing') {
        return { via: this.via, source: `${link.owner}/${link.repo}@${ref}:${path}`, ...fragmentOutcome(summary, fragment) };
      }
    }
    const { ref, path } = link.candidates[0]!;
    // A ref the local copy lacks may simply be newer than the copy: nothing can be concluded
    // offline (online, the GitHub API says whether the ref exists).
    if (!(await this.commit(local, ref))) {
      return { via: 'none', anchor: 'unchecked', note: `Not checked offline: the local copy of ${link.owner}/${link.repo} has no ref "${ref}" (fetch its tags, or check online).` };
    }
    return {
      via: this.via,
      anchor: fragment ? 'unchecked' : 'none',
      problem: { id: 'evidence-not-found', message: `${path} does not exist in ${link.owner}/${link.repo} at ${ref}.`, hint: 'Check the path at the release tag; the file may have moved.' },
    };
  }

  private file(local: string, ref: string, path: string): Promise<FileSummary> {
    const key = `${local}\0${ref}\0${path}`;
    let pending = this.files.get(key);
    if (!pending) {
      pending = (async (): Promise<FileSummary> => {
        const commit = await this.commit(local, ref);
        if (!commit) return { type: 'missing' };
        const type = await pathType(local, commit, path);
        if (type === 'tree') return { type: 'dir' };
        if (type !== 'blob') return { type: 'missing' };
        return summariseFile(path, (await readFileAt(local, commit, path)) ?? '', 'github', this.pages);
      })();
      this.files.set(key, pending);
    }
    return pending;
  }
}
