// Generated from schema/matrix-export.schema.json by `npm run generate`. Do not edit.

/**
 * The whole matrix as the site exports it (matrix.json): every feature of the catalogue for the newest submitted release of every operator. matrix.csv has the same cells, one per line.
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
