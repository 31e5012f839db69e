// Generated from schema/catalogue.schema.json by `npm run generate`. Do not edit.

/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "SemVer".
 */
export type SemVer = string;
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "Identifier".
 */
export type Identifier = string;
/**
 * How a feature's value is written in a submission.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "ValueType".
 */
export type ValueType = 'boolean' | 'integer' | 'string' | 'string_array';

/**
 * An OFM feature catalogue: the standard list of operator features for one technology (features/<technology>/catalogue.yaml).
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
  version: SemVer;
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
  id: Identifier;
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
   */
  aliases?: Identifier[];
  /**
   * Other names readers search for: abbreviations and common terms (PITR, HA, pooler). The site's search finds the feature by them.
   */
  also_known_as?: string[];
  name: string;
  /**
   * Id of one of the catalogue's categories.
   */
  category: string;
  type: ValueType;
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
