// Generated from schema/operator.schema.json by `npm run generate`. Do not edit.

/**
 * This interface was referenced by `OperatorMetadata`'s JSON-Schema
 * via the `definition` "HttpsUrl".
 */
export type HttpsUrl = string;
/**
 * Where the documentation is written, so that evidence can be checked offline against the source of a release.
 *
 * This interface was referenced by `OperatorMetadata`'s JSON-Schema
 * via the `definition` "DocumentationSource".
 */
export type DocumentationSource = DocumentationSource1 & {
  /**
   * Git repository holding the documentation source.
   */
  repository: string;
  /**
   * Template of the git tag or branch holding a release's documentation, for example `v{version}` or `release-{major}.{minor}`.
   */
  ref: string;
  /**
   * Templates of the source file for a documentation path, tried in order. `{path}` is the URL path below `url`, without leading or trailing slashes and without a trailing `index.html` or `.html`; for example `docs/{path}.md` and `docs/{path}/index.md`.
   *
   * @minItems 1
   *
   * Items: A path inside the documentation source's repository: relative, with no `..` segment and no backslash.
   */
  pages?: string[];
  /**
   * A folder whose Markdown pages each declare their own URL path in front matter (`url:`, as Hugo sites do), for sites where no `pages` template fits.
   */
  front_matter?: string;
  /**
   * Source file of the documentation root (the URL path is empty), for example `docs/index.md`.
   */
  index?: string;
  /**
   * How the documentation generator turns headings into anchors.
   */
  slugs?: 'github' | 'mkdocs' | 'hugo' | 'docusaurus' | 'sphinx';
};
export type DocumentationSource1 = {
  [k: string]: unknown;
};
/**
 * A path inside the documentation source's repository: relative, with no `..` segment and no backslash.
 *
 * This interface was referenced by `OperatorMetadata`'s JSON-Schema
 * via the `definition` "SourcePath".
 */
export type SourcePath = string;

/**
 * Metadata of one operator (submissions/<technology>/<operator-id>/operator.yaml).
 */
export interface OperatorMetadata {
  /**
   * Operator id, equal to the folder name.
   */
  id: string;
  /**
   * Display name of the operator.
   */
  name: string;
  /**
   * Company or community that makes the operator.
   */
  vendor: string;
  homepage: HttpsUrl;
  /**
   * Source repository of the operator.
   */
  repository: string;
  /**
   * SPDX license expression of the operator's source code, for example `Apache-2.0`.
   */
  license: string;
  /**
   * GitHub logins allowed to change this operator's folder.
   *
   * @minItems 1
   */
  maintainers: string[];
  documentation: Documentation;
}
/**
 * How the documentation of one release is addressed. Templates may use {version}, {major}, {minor} and {patch}.
 *
 * This interface was referenced by `OperatorMetadata`'s JSON-Schema
 * via the `definition` "Documentation".
 */
export interface Documentation {
  /**
   * Template of the documentation root of a release, for example `https://example.org/docs/{major}.{minor}/`.
   */
  url: string;
  /**
   * URL prefixes that always show the newest documentation (for example `https://example.org/docs/latest/`); evidence under them is not pinned to a release.
   */
  unpinned?: HttpsUrl[];
  source?: DocumentationSource;
}
