// Generated from schema/submission.schema.json by `npm run generate`. Do not edit.

/**
 * This interface was referenced by `Submission`'s JSON-Schema
 * via the `definition` "Claim".
 */
export type Claim = Claim1 & {
  value?: Value;
  support?: Support;
  /**
   * Links that show the claim.
   *
   * @maxItems 20
   */
  evidence?: Evidence[];
  /**
   * Short, objective details in Markdown: conditions, limits, feature gates. Required when support is partial.
   */
  notes?: string;
};
export type Claim1 = {
  [k: string]: unknown;
};
/**
 * The feature's value: true or false, a whole number, a text, or a list of texts, as the feature's type in the catalogue says.
 *
 * This interface was referenced by `Submission`'s JSON-Schema
 * via the `definition` "Value".
 */
export type Value = boolean | number | string | string[];
/**
 * How far the release supports the feature. Derived from `value` when left out: true, a non-zero number, a text or a non-empty list mean `full`; false, 0 or an empty list mean `none`.
 *
 * This interface was referenced by `Submission`'s JSON-Schema
 * via the `definition` "Support".
 */
export type Support = 'full' | 'partial' | 'none' | 'unknown';

/**
 * What one operator release claims for each feature of a catalogue (submissions/<technology>/<operator-id>/<operator-version>.yaml).
 */
export interface Submission {
  /**
   * The catalogue and version the claims refer to, as `<technology>@<version>`, for example `postgres@1.0.0`.
   */
  catalogue: string;
  /**
   * Operator id, equal to the folder name.
   */
  operator: string;
  /**
   * The operator release, equal to the file name without `.yaml`. Quote it so YAML keeps it a string.
   */
  version: string;
  /**
   * Release date, YYYY-MM-DD.
   */
  released: string;
  /**
   * Link to the release notes of this release.
   */
  release_notes?: string;
  /**
   * Claims, keyed by feature id. A feature left out is unknown, never "no".
   */
  features: {
    [k: string]: Claim;
  };
}
/**
 * This interface was referenced by `Submission`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  /**
   * Short text shown for the link.
   */
  title: string;
  /**
   * Absolute https:// link to the documentation of this release (with the section anchor) or to a repository file at the release tag.
   */
  url: string;
}
