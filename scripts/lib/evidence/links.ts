// Evidence links of a submission, and how to read a GitHub link.
import { claimEntries, evidenceItems } from '../claims.ts';
import { decodeComponent, isPlainName } from '../untrusted/paths.ts';
import type { PathSegment } from '../rules/rule.ts';

export interface EvidenceLink {
  /** Feature id as written in the submission. */
  readonly feature: string;
  readonly index: number;
  readonly url: string;
  /** Where the URL is in the submission, for findings. */
  readonly path: readonly PathSegment[];
}

export function evidenceLinks(data: unknown): EvidenceLink[] {
  return claimEntries(data).flatMap(({ id, claim }) =>
    evidenceItems(claim).flatMap(({ index, url }) =>
      typeof url === 'string' ? [{ feature: id, index, url, path: ['features', id, 'evidence', index, 'url'] }] : [],
    ),
  );
}

/** Where evidence entries hold no link to check (an entry that is not a mapping, or has no URL text), so none is skipped unsaid. */
export function malformedEvidence(data: unknown): Array<Array<string | number>> {
  return claimEntries(data).flatMap(({ id, claim }) => {
    const evidence = claim['evidence'];
    if (evidence === undefined) return [];
    if (!Array.isArray(evidence)) return [['features', id, 'evidence']];
    const usable = new Set(evidenceItems(claim).filter(({ url }) => typeof url === 'string').map(({ index }) => index));
    return evidence.flatMap((_, index) => (usable.has(index) ? [] : [['features', id, 'evidence', index]]));
  });
}

export interface GithubFileLink {
  readonly owner: string;
  readonly repo: string;
  readonly kind: 'blob' | 'tree';
  /** Possible (ref, path) splits: a ref may itself contain slashes. Most likely first. */
  readonly candidates: ReadonlyArray<{ readonly ref: string; readonly path: string }>;
}

/** A link to a file or folder of a GitHub repository at some ref, or undefined. */
export function parseGithubLink(url: URL): GithubFileLink | undefined {
  // Each segment must decode to a plain name: a path that climbs out of the repository ("..%2F")
  // is no file of it.
  const decoded = url.pathname.split('/').filter(Boolean).map(decodeComponent);
  if (!decoded.every((s) => s !== undefined && isPlainName(s))) return undefined;
  const segments = decoded as string[];
  let owner: string | undefined;
  let repo: string | undefined;
  let kind: 'blob' | 'tree';
  let rest: string[];
  if (url.hostname === 'github.com' && (segments[2] === 'blob' || segments[2] === 'tree') && segments.length >= 4) {
    [owner, repo] = segments;
    kind = segments[2];
    rest = segments.slice(3);
  } else if (url.hostname === 'raw.githubusercontent.com' && segments.length >= 4) {
    [owner, repo] = segments;
    kind = 'blob';
    rest = segments.slice(2);
  } else return undefined;
  if (!owner || !repo) return undefined;
  const candidates = [];
  for (let split = 1; split <= Math.min(3, rest.length - (kind === 'blob' ? 1 : 0)); split++) {
    candidates.push({ ref: rest.slice(0, split).join('/'), path: rest.slice(split).join('/') });
  }
  if (candidates.length === 0) candidates.push({ ref: rest[0]!, path: '' });
  return { owner, repo, kind, candidates };
}

/** "owner/repo" of a GitHub repository URL such as https://github.com/owner/repo(.git). */
export function githubRepository(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.hostname !== 'github.com') return undefined;
  const [owner, repo] = parsed.pathname.split('/').filter(Boolean);
  return owner && repo ? `${owner}/${repo.replace(/\.git$/, '')}`.toLowerCase() : undefined;
}
