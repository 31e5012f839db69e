// Runs the rules over files and turns their findings into Diagnostics with file:line:column.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { isScalar, parse, type Scalar } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import type { Fix as DiagnosticFix } from './generated/findings.ts';
import { fastData } from './fast-tier.ts';
import { classifyData, classifyPath, FEATURES_DIR, projectRelative, REPORT_SUFFIXES, SUBMISSIONS_DIR, type FileKind } from './layout.ts';
import { locate } from './locate.ts';
import type { Project } from './project.ts';
import { bytesRules, dataRules, documentRules, INTERNAL_ERROR_RULE, textRules } from './rules/index.ts';
import { nestingDepth } from './rules/nesting-depth.ts';
import { error, type Location, type Rule, type RuleFinding } from './rules/rule.ts';
import { decodeText, MAX_FILE_BYTES, parseYaml, positionOf, readFileBytes, toData, type FileBytes, type ParsedYaml } from './source.ts';

export interface FileResult {
  /** As shown in findings: project-relative when inside the project. */
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** The decoded text, when the file could be read (for code frames). */
  readonly text: string | undefined;
  /** The file's data, when it could be parsed. */
  readonly data?: unknown;
}

/** Where a finding is (line and column), and the text range its fix replaces, if it has one. */
type Resolve = ((at: Location) => { line: number; column: number }) & { readonly fix?: (finding: RuleFinding) => DiagnosticFix | undefined };

function runRules<S>(rules: readonly Rule<S>[], subject: S, file: string, where: Resolve): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    let findings: RuleFinding[];
    try {
      findings = rule.check(subject);
    } catch (cause) {
      findings = [
        {
          at: { line: 1, column: 1 },
          severity: 'error',
          message: `The ${rule.id} rule failed on this file (${cause instanceof Error ? cause.message : String(cause)}).`,
          hint: 'This is a bug in OFM, not in the file: please report it with the file attached.',
        },
      ];
      diagnostics.push(...findings.map((f) => toDiagnostic(f, INTERNAL_ERROR_RULE, file, where)));
      continue;
    }
    diagnostics.push(...capped(findings).map((f) => toDiagnostic(f, rule.id, file, where)));
  }
  return diagnostics;
}

/** A hostile file can make thousands of findings of one kind; the first few say enough. */
export const MAX_FINDINGS_PER_RULE = 50;

function capped(findings: RuleFinding[]): RuleFinding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const rest = findings.length - MAX_FINDINGS_PER_RULE;
  const next = findings[MAX_FINDINGS_PER_RULE]!;
  return [
    ...findings.slice(0, MAX_FINDINGS_PER_RULE),
    { ...next, message: `${rest} more finding${rest === 1 ? '' : 's'} like the ones above, from here on, are not shown.`, hint: 'Fix the ones shown and validate again.' },
  ];
}

function toDiagnostic(finding: RuleFinding, rule: string, file: string, where: Resolve): Diagnostic {
  const { line, column } = where(finding.at);
  const fix = where.fix?.(finding);
  return { file, line, column, rule, severity: finding.severity, message: finding.message, hint: finding.hint, ...(fix ? { fix } : {}) };
}

/** A new value for a scalar, written in its own quoting style (plain only where it reads back the same). */
function scalarText(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  if (node.type === 'PLAIN' && !/[\s"']/.test(value) && parse(`k: ${value}`)?.k === value) return value;
  return JSON.stringify(value);
}

/** The text range and replacement of a finding's fix, from the parsed document. */
function fixRange(parsed: ParsedYaml, finding: RuleFinding): DiagnosticFix | undefined {
  const { fix, at } = finding;
  if (!fix) return undefined;
  if ('start' in fix) return { start: fix.start, end: fix.end, text: fix.text };
  if ('length' in fix) return 'offset' in at ? { start: at.offset, end: at.offset + fix.length, text: fix.text } : undefined;
  if (!('path' in at)) return undefined;
  const node = parsed.document.getIn(at.path, true);
  return isScalar(node) && node.range ? { start: node.range[0], end: node.range[1], text: scalarText(node, fix.value) } : undefined;
}

const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

function resolverFor(parsed: ParsedYaml | undefined): Resolve {
  const where = (at: Location) => {
    if ('line' in at) return { line: at.line, column: at.column };
    if (!parsed) return { line: 1, column: 1 };
    const offset = 'offset' in at ? at.offset : locate(parsed.document, at.path, at.part);
    return positionOf(parsed.lineCounter, offset);
  };
  return parsed ? Object.assign(where, { fix: (finding: RuleFinding) => fixRange(parsed, finding) }) : where;
}

export interface LoadedData extends FileResult {
  /** The file's data, when every stage before the data rules passed. */
  readonly data?: unknown;
  readonly parsed?: ParsedYaml;
  readonly relativePath: string | undefined;
}

/**
 * Reads an untrusted YAML file through the byte, text and syntax stages. Data is returned only
 * when none of them found an error.
 */
export async function loadDataFile(project: Project, absolutePath: string, content?: Uint8Array): Promise<LoadedData> {
  const relativePath = projectRelative(project.root, absolutePath);
  const file = relativePath ?? absolutePath;
  return guarded(file, relativePath, () => loadStages(project, absolutePath, file, relativePath, content));
}

/** The file's bytes, or the content given in their place (a file being edited, not yet written). */
const bytesOf = async (absolutePath: string, content: Uint8Array | undefined): Promise<FileBytes> =>
  content ? (content.length > MAX_FILE_BYTES ? { size: content.length, bytes: undefined } : { size: content.length, bytes: content }) : readFileBytes(absolutePath);

/**
 * Runs `load` so that nothing it throws escapes: an unreadable file or a bug in OFM becomes one
 * finding on this file, and every other file is still checked.
 */
async function guarded<T extends FileResult>(file: string, relativePath: string | undefined, load: () => Promise<T>): Promise<T | LoadedData> {
  try {
    return await load();
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    const io = typeof code === 'string' && /^E[A-Z]+$/.test(code);
    const diagnostic: Diagnostic = {
      file,
      line: 1,
      column: 1,
      rule: INTERNAL_ERROR_RULE,
      severity: 'error',
      message: io ? `The file could not be read (${code}).` : `OFM failed on this file (${cause instanceof Error ? cause.message : String(cause)}).`,
      hint: code === 'ENOTFILE' ? 'Give the path of a YAML file, not of a pipe, device or socket.' : io ? 'Check that the file exists and is readable.' : 'This is a bug in OFM, not in the file: please report it with the file attached.',
    };
    return { file, relativePath, diagnostics: [diagnostic], text: undefined };
  }
}

async function loadStages(project: Project, absolutePath: string, file: string, relativePath: string | undefined, content: Uint8Array | undefined): Promise<LoadedData> {
  const { size, bytes } = await bytesOf(absolutePath, content);
  const bytesFindings = runRules(bytesRules, { file, size, bytes }, file, resolverFor(undefined));
  if (!bytes || hasErrors(bytesFindings)) return { file, relativePath, diagnostics: bytesFindings, text: undefined };

  const text = decodeText(bytes);
  const early = runRules(textRules, { file, text }, file, offsetResolver(text));
  if (hasErrors(early)) return { file, relativePath, diagnostics: [...bytesFindings, ...early], text };

  const parsed = parseYaml(text);
  const documentFindings = runRules(documentRules, { file, ...parsed }, file, resolverFor(parsed));
  const diagnostics = [...bytesFindings, ...early, ...documentFindings];
  if (hasErrors(documentFindings)) return { file, relativePath, diagnostics, text };
  let data: unknown;
  try {
    data = toData(parsed.document);
  } catch (cause) {
    // The document rules should have found whatever stops the conversion; this is the backstop.
    const finding = error({ line: 1, column: 1 }, `The YAML could not be turned into data (${cause instanceof Error ? cause.message : String(cause)}).`, 'Write plain YAML: mappings, lists and scalars, without anchors, aliases or tags.');
    return { file, relativePath, diagnostics: [...diagnostics, toDiagnostic(finding, 'yaml-syntax', file, resolverFor(parsed))], text };
  }
  return { file, relativePath, diagnostics, text, parsed, data };
}

/** Diagnostics for findings a command made itself about a loaded file (for example against another schema). */
export function diagnosticsFor(loaded: LoadedData, rule: string, findings: readonly RuleFinding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, rule, loaded.file, resolverFor(loaded.parsed)));
}

const fastTextRules = textRules.filter((rule) => rule !== nestingDepth);

/**
 * The fast tier: a file with nothing to report, answered without building a YAML Document. Any
 * finding of any stage, or anything the fast reader does not vouch for, leaves it to the exact
 * tier, so every finding (and its position) comes from the exact tier.
 */
async function fastValidation(project: Project, absolutePath: string, kind: FileKind | undefined, content: Uint8Array | undefined): Promise<FileResult | undefined> {
  const relativePath = projectRelative(project.root, absolutePath);
  const file = relativePath ?? absolutePath;
  const nowhere = resolverFor(undefined);
  try {
    const { size, bytes } = await bytesOf(absolutePath, content);
    if (!bytes || runRules(bytesRules, { file, size, bytes }, file, nowhere).length > 0) return undefined;
    const text = decodeText(bytes);
    // The nesting-depth rule's lexer pass is left out: the fast tier takes only shallow data.
    if (runRules(fastTextRules, { file, text }, file, nowhere).length > 0) return undefined;
    const fast = fastData(text);
    if (!fast) return undefined;
    const fileKind = kind ?? (relativePath ? classifyPath(relativePath) : undefined) ?? classifyData(fast.data) ?? 'submission';
    // Data rules read the data (and the text); the Document is only for positions of findings,
    // and a file with findings goes to the exact tier.
    const subject = { file, text, document: undefined as never, lineCounter: undefined as never, absolutePath, relativePath, kind: fileKind, data: fast.data, project };
    const applicable = dataRules.filter((rule) => !rule.kinds || rule.kinds.includes(fileKind));
    if (runRules(applicable, subject, file, nowhere).length > 0) return undefined;
    return { file, diagnostics: [], text, data: fast.data };
  } catch {
    return undefined;
  }
}

export interface ValidateFileOptions {
  /** 'exact' skips the fast tier. */
  readonly tier?: 'exact';
  /** The file's content, in place of what is on disk (a file being fixed). */
  readonly content?: Uint8Array;
}

/** Validates one file; `kind` overrides what its location or content suggests. */
export async function validateFile(project: Project, absolutePath: string, kind?: FileKind, options: ValidateFileOptions = {}): Promise<FileResult> {
  if (options.tier !== 'exact') {
    const fast = await fastValidation(project, absolutePath, kind, options.content);
    if (fast) return fast;
  }
  const loaded = await loadDataFile(project, absolutePath, options.content);
  const { file, relativePath, parsed, data, text } = loaded;
  if (!parsed) return loaded;
  return guarded(file, relativePath, async () => {
    const fileKind = kind ?? (relativePath ? classifyPath(relativePath) : undefined) ?? classifyData(data) ?? 'submission';
    const subject = { file, ...parsed, absolutePath, relativePath, kind: fileKind, data, project };
    const applicable = dataRules.filter((rule) => !rule.kinds || rule.kinds.includes(fileKind));
    return { file, diagnostics: [...loaded.diagnostics, ...runRules(applicable, subject, file, resolverFor(parsed))], text, data };
  });
}

/** Positions in text that is not parsed yet. */
function offsetResolver(text: string): Resolve {
  return (at) => {
    if ('line' in at) return at;
    const offset = 'offset' in at ? at.offset : 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
}

const isDataFile = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml') || Object.values(REPORT_SUFFIXES).some((suffix) => name.endsWith(suffix));

async function collect(path: string, into: string[]): Promise<void> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    into.push(path);
    return;
  }
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) await collect(child, into);
    else if (entry.isFile() && isDataFile(entry.name)) into.push(child);
  }
}

/** The files to validate for the given paths (files as given, folders searched), or the defaults. */
export async function dataFiles(project: Project, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const roots = paths.length > 0 ? paths.map((p) => resolve(p)) : [FEATURES_DIR, SUBMISSIONS_DIR].map((d) => join(project.root, d));
  for (const root of roots) {
    if (paths.length === 0) {
      const exists = await stat(root).then(() => true, () => false);
      if (!exists) continue;
    }
    await collect(root, files);
  }
  return [...new Set(files)].sort();
}

export async function validateFiles(project: Project, files: readonly string[]): Promise<FileResult[]> {
  // A few files at a time, so that reading one overlaps checking another; results keep the order.
  const limit = pLimit(8);
  return Promise.all(files.map((file) => limit(() => validateFile(project, file))));
}
