// Generated from schema/sources.schema.json by `npm run generate`. Do not edit.

/**
 * What was read to write an operator's submissions (submissions/<technology>/<operator-id>/sources.yaml), so that anyone can check the claims again.
 */
export interface Sources {
  /**
   * One entry per submitted release.
   *
   * @minItems 1
   */
  releases: ReleaseSources[];
}
/**
 * This interface was referenced by `Sources`'s JSON-Schema
 * via the `definition` "ReleaseSources".
 */
export interface ReleaseSources {
  /**
   * The release, as in the submission's file name.
   */
  version: string;
  /**
   * Repositories read, each at the exact commit.
   *
   * @minItems 1
   */
  repositories: RepositoryRead[];
  /**
   * When the claims were last checked against these sources, YYYY-MM-DD.
   */
  checked: string;
  /**
   * How the claims and their evidence links were checked (Markdown).
   */
  method: string;
}
/**
 * This interface was referenced by `Sources`'s JSON-Schema
 * via the `definition` "RepositoryRead".
 */
export interface RepositoryRead {
  url: string;
  /**
   * Tag or branch read, for example v1.30.0.
   */
  ref: string;
  /**
   * The full commit id the ref pointed to.
   */
  commit: string;
  /**
   * Files or folders read (optional).
   */
  paths?: string[];
}
