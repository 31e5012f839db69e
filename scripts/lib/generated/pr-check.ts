// Generated from schema/pr-check.schema.json by `npm run generate`. Do not edit.

/**
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Sha".
 */
export type Sha = string;
/**
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Identifier".
 */
export type Identifier = string;
/**
 * A Diagnostic of findings.schema.json, with lengths bounded, since this file crosses from untrusted to trusted code.
 *
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Finding".
 */
export type Finding = Diagnostic & {
  file?: string;
  rule?: string;
  message?: string;
  hint?: string;
};
/**
 * submission, operator/<id>, new-operator, needs-evidence, stale-evidence-report, catalogue-change, ownership-check.
 *
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Label".
 */
export type Label = string;
/**
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Login".
 */
export type Login = string;

/**
 * What `ofm pr-check --format json` writes: the checks run on what a pull request changes, their findings, and the labels that follow. The pull-request workflow passes it, as an artifact, to the job that comments; that job treats it as untrusted input.
 */
export interface PrCheckResult {
  /**
   * The schema this file follows (this file's $id).
   */
  $schema?: string;
  /**
   * The OFM version that wrote it, as "ofm <version>".
   */
  tool: string;
  /**
   * The two sides compared.
   */
  pull: {
    /**
     * The base as given (a ref or commit).
     */
    base: string;
    base_sha: Sha;
    head_sha: Sha;
    /**
     * GitHub login of the pull request's author, when known.
     */
    author?: string;
    /**
     * The pull request's number, when run for one.
     */
    number?: number;
  };
  /**
   * What the pull request changes, by kind.
   */
  changes: {
    /**
     * @maxItems 3000
     */
    files: {
      path: string;
      status: 'added' | 'modified' | 'deleted' | 'renamed';
    }[];
    /**
     * Operators whose folder under submissions/ changes.
     *
     * @maxItems 3000
     */
    operators: {
      technology: Identifier;
      id: Identifier;
      /**
       * The operator has no operator.yaml at the base.
       */
      new: boolean;
    }[];
    /**
     * A catalogue under features/ changes.
     */
    catalogue: boolean;
    /**
     * A schema under schema/ changes.
     */
    schema: boolean;
  };
  /**
   * @maxItems 50
   */
  checks: Check[];
  /**
   * The labels the pull request should carry, of those OFM manages.
   *
   * @maxItems 3000
   */
  labels: Label[];
}
/**
 * One check and what it found.
 *
 * This interface was referenced by `PrCheckResult`'s JSON-Schema
 * via the `definition` "Check".
 */
export interface Check {
  id:
    | 'validate'
    | 'evidence'
    | 'ownership'
    | 'one-operator'
    | 'file-names'
    | 'catalogue-version'
    | 'codeowners';
  title: string;
  /**
   * pass; fail (an error); warn (only warnings); skip (nothing to check, or not asked for).
   */
  outcome: 'pass' | 'fail' | 'warn' | 'skip';
  /**
   * One line on what was checked and found.
   */
  summary: string;
  /**
   * @maxItems 5000
   */
  findings: Finding[];
}
/**
 * One finding about one place in one file. The same shape is used by every OFM command.
 */
export interface Diagnostic {
  /**
   * Path relative to the project root (or as given when outside it).
   */
  file: string;
  /**
   * 1-based line.
   */
  line: number;
  /**
   * 1-based column.
   */
  column: number;
  /**
   * Id of the rule that made the finding.
   */
  rule: string;
  /**
   * error: must be fixed (exit 1); warning: should be looked at; info: worth knowing, such as a feature an older release leaves out.
   */
  severity: 'error' | 'warning' | 'info';
  /**
   * What is wrong.
   */
  message: string;
  /**
   * How to fix it.
   */
  hint: string;
  fix?: Fix;
}
/**
 * A safe, mechanical fix that `ofm fix` applies: replace the file's text from `start` to `end` (UTF-16 offsets into the decoded text) with `text`.
 */
export interface Fix {
  start: number;
  end: number;
  text: string;
}
