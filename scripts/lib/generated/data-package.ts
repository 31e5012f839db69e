// Generated from schema/data-package.schema.json by `npm run generate`. Do not edit.

/**
 * Where the documentation is written, so that evidence can be checked offline against the source of a release.
 *
 * This interface was referenced by `OperatorMetadata`'s JSON-Schema
 * via the `definition` "DocumentationSource".
 */
export type DocumentationSource = {
  [k: string]: unknown;
} & {
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

/**
 * data.json of the npm package @operator-feature-matrix/data (`npm run package:data`): every catalogue, every operator's metadata, every submitted release's claims with how much is known about each, and each catalogue's matrix. Built from the validated data only.
 */
export interface DataPackage {
  /**
   * The schema this file follows (this file's $id).
   */
  $schema?: string;
  /**
   * The shape of this document. It changes only when readers must follow a change, and the package's major version changes with it.
   */
  format: 1;
  /**
   * The package version that carries this data.
   */
  version: string;
  /**
   * The OFM version that built it, as "ofm <version>".
   */
  tool: string;
  /**
   * The newest date the data carries: a catalogue version's date, a release date, an evidence check or a conformance run. Not the time of the build: the same data makes the same file.
   */
  updated_at: string;
  /**
   * By technology (the catalogue's `technology`, e.g. `postgres`).
   */
  technologies: {
    [k: string]: Technology;
  };
}
/**
 * One catalogue and what was submitted against it.
 *
 * This interface was referenced by `DataPackage`'s JSON-Schema
 * via the `definition` "Technology".
 */
export interface Technology {
  catalogue: Catalogue;
  /**
   * By operator id: every operator with metadata under submissions/<technology>/.
   */
  operators: {
    [k: string]: Operator;
  };
  matrix: MatrixExport;
}
/**
 * The catalogue as in features/<technology>/catalogue.yaml.
 */
export interface Catalogue {
  /**
   * Technology id, equal to the folder name under features/ (for example `postgres`).
   */
  technology: string;
  /**
   * Display name of the technology.
   */
  name: string;
  /**
   * Current semantic version of this catalogue. Submissions refer to it as `<technology>@<version>`.
   */
  version: string;
  /**
   * Version of the community Operator Feature Matrix specification this catalogue maps to, for import and export.
   */
  ofm_version?: string;
  /**
   * Every released version of this catalogue, oldest first. Submissions may name any of them.
   *
   * @minItems 1
   */
  versions: CatalogueRelease[];
  /**
   * Feature categories, in display order.
   *
   * @minItems 1
   */
  categories: Category[];
  /**
   * The features, grouped by category in display order.
   *
   * @minItems 1
   */
  features: Feature[];
}
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "CatalogueRelease".
 */
export interface CatalogueRelease {
  /**
   * This interface was referenced by `Catalogue`'s JSON-Schema
   * via the `definition` "SemVer".
   */
  version: string;
  date: string;
  /**
   * What changed, in Markdown.
   */
  changes: string;
}
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "Category".
 */
export interface Category {
  /**
   * This interface was referenced by `Catalogue`'s JSON-Schema
   * via the `definition` "Identifier".
   */
  id: string;
  name: string;
  description?: string;
}
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "Feature".
 */
export interface Feature {
  /**
   * Stable feature id, the key used in submissions.
   */
  id: string;
  /**
   * Former ids of this feature. Submissions using them stay valid, with a warning.
   *
   * Items: This interface was referenced by `Catalogue`'s JSON-Schema
   * via the `definition` "Identifier".
   */
  aliases?: string[];
  /**
   * Other names readers search for: abbreviations and common terms (PITR, HA, pooler). The site's search finds the feature by them.
   */
  also_known_as?: string[];
  name: string;
  /**
   * Id of one of the catalogue's categories.
   */
  category: string;
  /**
   * How a feature's value is written in a submission.
   *
   * This interface was referenced by `Catalogue`'s JSON-Schema
   * via the `definition` "ValueType".
   */
  type: 'boolean' | 'integer' | 'string' | 'string_array';
  /**
   * A main feature is shown first and in the 'main only' view.
   */
  main?: boolean;
  /**
   * Catalogue version that added the feature (default: the first version).
   */
  since?: string;
  /**
   * What the feature is, for a user. Markdown.
   */
  definition: string;
  /**
   * Exactly what a vendor must show to claim the feature. Markdown.
   */
  criteria: string;
  values?: ValueRules;
  /**
   * Built-in conformance probes that bear on this feature for any operator (see schema/conformance.md): crds-served, kubernetes-version, fine-grained-rbac, no-privileged-mode, printer-columns.
   */
  probes?: (
    'crds-served' | 'kubernetes-version' | 'fine-grained-rbac' | 'no-privileged-mode' | 'printer-columns'
  )[];
  /**
   * Whether a positive claim (support full or partial) must carry evidence links.
   */
  evidence: 'required' | 'recommended';
  deprecated?: Deprecation;
}
/**
 * Constraints on a string or string_array value.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "ValueRules".
 */
export interface ValueRules {
  /**
   * The well-known values. With `other: true`, anything else must be written `other: <text>`.
   *
   * @minItems 1
   */
  allowed?: AllowedValue[];
  /**
   * Whether values outside `allowed` may be given as `other: <text>`.
   */
  other?: boolean;
  /**
   * A regular expression every value must match.
   */
  pattern?: string;
  /**
   * The pattern in words, for messages.
   */
  pattern_description?: string;
}
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "AllowedValue".
 */
export interface AllowedValue {
  value: string;
  description?: string;
  /**
   * Other spellings of this value (for example the community OFM's), accepted by `ofm import-ofm` and suggested by `ofm validate`.
   */
  aliases?: string[];
}
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "Deprecation".
 */
export interface Deprecation {
  /**
   * Catalogue version that deprecated the feature.
   */
  since: string;
  reason: string;
  /**
   * Id of the feature to use instead, if any.
   */
  replaced_by?: string;
}
/**
 * This interface was referenced by `DataPackage`'s JSON-Schema
 * via the `definition` "Operator".
 */
export interface Operator {
  metadata: OperatorMetadata;
  /**
   * Every submitted release, newest first.
   */
  releases: Release[];
}
/**
 * As in submissions/<technology>/<operator>/operator.yaml.
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
  /**
   * This interface was referenced by `OperatorMetadata`'s JSON-Schema
   * via the `definition` "HttpsUrl".
   */
  homepage: string;
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
   *
   * Items: This interface was referenced by `OperatorMetadata`'s JSON-Schema
   * via the `definition` "HttpsUrl".
   */
  unpinned?: string[];
  source?: DocumentationSource;
}
/**
 * This interface was referenced by `DataPackage`'s JSON-Schema
 * via the `definition` "Release".
 */
export interface Release {
  version: string;
  released: string;
  /**
   * The catalogue version the claims were written against, as <technology>@<version>.
   */
  catalogue: string;
  release_notes?: string;
  /**
   * By feature id, one for every feature of the current catalogue (support `unknown` when the release says nothing of it); a claim written under a former feature id is found under the feature's current id. Each has `knowledge`: how much is known about it (declared, evidence-checked, api-, controller- or behaviour-confirmed, contradicted) and since when.
   */
  claims: {
    [k: string]: Cell;
  };
}
/**
 * This interface was referenced by `MatrixExport`'s JSON-Schema
 * via the `definition` "Cell".
 */
export interface Cell {
  feature: string;
  operator: string;
  version: string;
  support: 'full' | 'partial' | 'none' | 'unknown';
  /**
   * As submitted.
   */
  value?: boolean | number | string | string[];
  /**
   * The value as the matrix shows it in words.
   */
  display: string;
  /**
   * Markdown, as submitted.
   */
  notes?: string;
  evidence: {
    title: string;
    url: string;
    /**
     * The link's state in the latest evidence report, when it checked this link of this claim as it stands.
     */
    check?: 'verified' | 'broken' | 'not-checkable';
    /**
     * Why the link is broken or not checkable, or the warning a verified link carries.
     */
    message?: string;
    /**
     * The latest evidence report checked an earlier version of the claim: this link is not checked.
     */
    stale?: boolean;
  }[];
  knowledge?: {
    level:
      | 'declared'
      | 'evidence-checked'
      | 'api-confirmed'
      | 'controller-confirmed'
      | 'behaviour-confirmed'
      | 'contradicted';
    since: string;
    detail: string;
    /**
     * For confirmed and contradicted claims: the Kubernetes version of the conformance run.
     */
    kubernetes?: string;
  };
}
/**
 * The matrix as the site exports it (matrix.json): the newest release of every operator.
 */
export interface MatrixExport {
  /**
   * The schema this file follows (this file's $id).
   */
  $schema?: string;
  /**
   * The OFM version that wrote it, as "ofm <version>".
   */
  tool: string;
  generated_at: string;
  catalogue: {
    technology: string;
    name: string;
    version: string;
  };
  operators: {
    id: string;
    name: string;
    vendor: string;
    /**
     * The release shown: the newest submitted.
     */
    version: string;
    released: string;
  }[];
  features: {
    id: string;
    name: string;
    category: string;
    category_name: string;
    main: boolean;
    type: 'boolean' | 'integer' | 'string' | 'string_array';
  }[];
  cells: Cell[];
}
