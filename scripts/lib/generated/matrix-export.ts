// Generated from schema/matrix-export.schema.json by `npm run generate`. Do not edit.

/**
 * The whole matrix as the site exports it (matrix.json): every feature of the catalogue for the newest submitted release of every operator. matrix.csv has the same cells, one per line.
 */
export interface MatrixExport {
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
     * Status from the latest evidence report, when there is one.
     */
    check?: 'ok' | 'warning' | 'error' | 'skipped';
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
