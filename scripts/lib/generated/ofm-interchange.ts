// Generated from schema/ofm-interchange.schema.json by `npm run generate`. Do not edit.

/**
 * A vendor submission in the Data on Kubernetes community's Operator Feature Matrix 1.0-BETA1 layout, as read by `ofm import-ofm` and written by `ofm export-ofm`.
 */
export interface OfmInterchangeSubmission {
  metadata: {
    featureMatrixSpecVersion: string | null;
    submission: {
      version?: string | number | null;
      datePublished?: string | null;
      releaseNotes?: string | null;
    };
    operator: {
      name?: string | null;
      url?: string | null;
    };
  };
  featureMatrix: {
    categories: {
      id: string;
      features?: InterchangeFeature[] | null;
    }[];
  };
}
/**
 * This interface was referenced by `OfmInterchangeSubmission`'s JSON-Schema
 * via the `definition` "InterchangeFeature".
 */
export interface InterchangeFeature {
  id: string;
  /**
   * Typed by the feature; empty (null) means not implemented.
   */
  value?: boolean | number | string | (string | number)[] | null;
  /**
   * Markdown links, `[text](url)`.
   */
  references?: string[] | string | null;
  comments?: string | null;
}
