// The one contract every check implements. A rule looks at one file at one stage and returns
// findings as data; it never prints, throws on bad input, or knows about output formats.
import type { Document, LineCounter } from 'yaml';
import type { Severity } from '../diagnostic.ts';
import type { FileKind } from '../layout.ts';
import type { Project } from '../project.ts';

export type PathSegment = string | number;

/** Where a finding points: a place in the YAML tree (its key or its value), or a text position. */
export type Location =
  | { readonly path: readonly PathSegment[]; readonly part?: 'key' | 'value' }
  | { readonly offset: number }
  | { readonly line: number; readonly column: number };

/**
 * A safe, mechanical fix for a finding: `text` in place of the `length` characters at the
 * finding's offset; for a finding at a scalar's path, a new `value` for that scalar (written in
 * the scalar's own quoting style); or `text` in place of the characters from `start` to `end`.
 */
export type Fix =
  | { readonly text: string; readonly length: number }
  | { readonly value: string }
  | { readonly text: string; readonly start: number; readonly end: number };

export interface RuleFinding {
  readonly at: Location;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
  readonly fix?: Fix;
}

/** Raw bytes, before decoding. `bytes` is absent when the file is too large to read. */
export interface BytesSubject {
  readonly file: string;
  readonly size: number;
  readonly bytes: Uint8Array | undefined;
}

/** Decoded text, before parsing. */
export interface TextSubject {
  readonly file: string;
  readonly text: string;
}

/** The YAML syntax tree, before it is turned into data. */
export interface DocumentSubject {
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** The file's data, once it is known to be well-formed YAML. */
export interface DataSubject extends DocumentSubject {
  readonly absolutePath: string;
  /** Project-relative path, or undefined when the file lies outside the project. */
  readonly relativePath: string | undefined;
  readonly kind: FileKind;
  readonly data: unknown;
  readonly project: Project;
}

export interface Rule<Subject> {
  readonly id: string;
  /** One line for the rule list in CONTRIBUTING. */
  readonly description: string;
  /** Kinds of file the rule applies to (data rules only; earlier stages apply to every file). */
  readonly kinds?: readonly FileKind[];
  check(subject: Subject): RuleFinding[];
}

export const error = (at: Location, message: string, hint: string): RuleFinding => ({
  at,
  severity: 'error',
  message,
  hint,
});

export const info = (at: Location, message: string, hint: string): RuleFinding => ({
  at,
  severity: 'info',
  message,
  hint,
});

export const warning = (at: Location, message: string, hint: string): RuleFinding => ({
  at,
  severity: 'warning',
  message,
  hint,
});
