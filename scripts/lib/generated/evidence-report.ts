// Generated from schema/evidence-report.schema.json by `npm run generate`. Do not edit.

/**
 * The three states a reader is told. verified: the page (and its anchor) was found — `message` then holds any warning, such as a redirect; broken: the page or anchor is missing, or the link is refused; not-checkable: the link could not be checked here, `message` says why in words (a docs source older than the release, no local copy offline, …).
 *
 * This interface was referenced by `EvidenceReport`'s JSON-Schema
 * via the `definition` "LinkStatus".
 */
export type LinkStatus = 'verified' | 'broken' | 'not-checkable';

/**
 * The result of `ofm evidence --write-report` for one submission (<version>.evidence.json beside it): every evidence link, how it was checked and what was found.
 */
export interface EvidenceReport {
  /**
   * The schema this file follows.
   */
  $schema?: string;
  /**
   * Project-relative path of the submission.
   */
  submission: string;
  /**
   * sha256 of the submission's claims when they were checked.
   */
  submission_digest: string;
  operator: string;
  version: string;
  /**
   * When the check ran (UTC).
   */
  checked_at: string;
  /**
   * online: links fetched over HTTP and the GitHub API; offline: links mapped to local documentation sources.
   */
  mode: 'online' | 'offline';
  /**
   * The OFM version that checked.
   */
  tool: string;
  links: LinkResult[];
  summary: Summary;
}
/**
 * This interface was referenced by `EvidenceReport`'s JSON-Schema
 * via the `definition` "LinkResult".
 */
export interface LinkResult {
  /**
   * Feature id as written in the submission.
   */
  feature: string;
  /**
   * sha256 of the claim (value, support, evidence) the link belonged to when it was checked: the result holds only while the claim is unchanged.
   */
  claim_digest: string;
  /**
   * Position in the claim's evidence list, from 0.
   */
  index: number;
  url: string;
  status: LinkStatus;
  /**
   * How the link was checked.
   */
  via: 'http' | 'github-api' | 'docs-source' | 'repository' | 'none';
  /**
   * Final HTTP status (online).
   */
  http_status?: number;
  /**
   * Where redirects ended, when they did.
   */
  final_url?: string;
  redirects?: Redirect[];
  /**
   * Offline: the source file the link maps to, as <repository>@<ref>:<path>.
   */
  source?: string;
  /**
   * found / missing: the #fragment was looked for; none: the link has no fragment; unchecked: it could not be looked for.
   */
  anchor: 'found' | 'missing' | 'none' | 'unchecked';
  /**
   * true: points at this release's documentation, tag or a commit; false: at newest docs, a branch or another release; null: not versioned content (an issue tracker, a homepage).
   */
  pinned: boolean | null;
  /**
   * The result came from the cache of an earlier run.
   */
  from_cache?: boolean;
  /**
   * broken: what is wrong; verified: the warning, if any; not-checkable: why the link could not be checked.
   */
  message?: string;
}
/**
 * This interface was referenced by `EvidenceReport`'s JSON-Schema
 * via the `definition` "Redirect".
 */
export interface Redirect {
  status: number;
  location: string;
}
/**
 * This interface was referenced by `EvidenceReport`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  links: number;
  verified: number;
  broken: number;
  not_checkable: number;
  /**
   * Verified links that carry a warning (redirected, not pinned).
   */
  with_warnings: number;
}
