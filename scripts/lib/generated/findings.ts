// Generated from schema/findings.schema.json by `npm run generate`. Do not edit.

/**
 * error: must be fixed (exit 1); warning: should be looked at; info: worth knowing, such as a feature an older release leaves out.
 *
 * This interface was referenced by `FindingsReport`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * What `ofm validate --format json` (and every other checking command) prints: the findings and a summary.
 */
export interface FindingsReport {
  /**
   * The schema this output follows (this file's $id).
   */
  $schema?: string;
  /**
   * The OFM version that wrote it, as "ofm <version>".
   */
  tool: string;
  findings: Diagnostic[];
  summary: Summary;
}
/**
 * One finding about one place in one file. The same shape is used by every OFM command.
 *
 * This interface was referenced by `FindingsReport`'s JSON-Schema
 * via the `definition` "Diagnostic".
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
  severity: Severity;
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
 *
 * This interface was referenced by `FindingsReport`'s JSON-Schema
 * via the `definition` "Fix".
 */
export interface Fix {
  start: number;
  end: number;
  text: string;
}
/**
 * This interface was referenced by `FindingsReport`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  /**
   * Files checked.
   */
  files: number;
  errors: number;
  warnings: number;
  infos?: number;
}
