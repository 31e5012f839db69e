// Generated from schema/site-api.schema.json by `npm run generate`. Do not edit.

/**
 * The site's static JSON API (api/v1/…), built with the site and read by it: an index, one document per feature with every operator's newest claim, and one per operator with every submitted release's claims. Each claim says how much is known about it.
 */
export type SiteApi = IndexDocument | FeatureDocument | OperatorDocument;
/**
 * api/v1/index.json: what the API holds.
 */
export type IndexDocument = Header & {
  features: {
    id: string;
    name: string;
    href: string;
  }[];
  operators: {
    id: string;
    name: string;
    href: string;
  }[];
  /**
   * The whole matrix (schema/matrix-export.schema.json).
   */
  matrix: string;
};
/**
 * api/v1/features/<id>.json: the feature and the newest claim of every operator.
 */
export type FeatureDocument = Header & {
  feature: {
    id: string;
    name: string;
    category: string;
    definition: string;
  };
  claims: OperatorClaim[];
};
export type OperatorClaim = Claim & {
  operator: string;
  operator_name: string;
  /**
   * The release the claim is from.
   */
  version: string;
  /**
   * The first submitted release that claimed support, when one did.
   */
  first_claimed: null | {
    version: string;
    released: string;
  };
};
/**
 * api/v1/operators/<id>.json: the operator and every submitted release (newest first) with its claims by feature id.
 */
export type OperatorDocument = Header & {
  operator: {
    id: string;
    name: string;
    vendor: string;
  };
  releases: {
    version: string;
    released: string;
    claims: {
      [k: string]: Claim;
    };
  }[];
};

export interface Header {
  /**
   * The schema this file follows (this file's $id).
   */
  $schema?: string;
  /**
   * Changes only when a document changes in a way readers must follow; the path (api/v1/) carries it too.
   */
  api_version: 1;
  /**
   * The OFM version that built it, as "ofm <version>".
   */
  tool: string;
  /**
   * The catalogue the claims are read against, as <technology>@<version>.
   */
  catalogue: string;
}
export interface Claim {
  support: 'full' | 'partial' | 'none' | 'unknown';
  /**
   * As submitted: yes or no, a number, a text or a list.
   */
  value?: {
    [k: string]: unknown;
  };
  /**
   * The value as the matrix shows it.
   */
  display: string;
  symbol: '✓' | '◐' | '✗' | '?';
  /**
   * How much is known about the claim, and since when; null when nothing is declared.
   */
  knowledge: null | {
    level:
      | 'declared'
      | 'evidence-checked'
      | 'api-confirmed'
      | 'controller-confirmed'
      | 'behaviour-confirmed'
      | 'contradicted';
    label: string;
    since: string;
    kubernetes?: string;
  };
  /**
   * The vendor's notes, Markdown as submitted.
   */
  notes: string | null;
  /**
   * The notes rendered and sanitised as the site shows them (no raw HTML or script from data).
   */
  notes_html: string | null;
  evidence: {
    title: string;
    url: string;
    state: 'verified' | 'broken' | 'not-checkable' | 'stale' | 'unchecked';
    /**
     * The state in words, with the reason.
     */
    state_text: string;
  }[];
}
