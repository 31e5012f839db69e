// Runs mutated submissions through validation in-process and records what a user would suffer:
// internal errors, output that is not JSON, findings without a place, and slow files.
import { readFile, writeFile } from 'node:fs/promises';
import { toReport, type Diagnostic } from '../../scripts/lib/diagnostic.ts';
import type { Project } from '../../scripts/lib/project.ts';
import { formatReport } from '../../scripts/lib/reporters/index.ts';
import { validateFile } from '../../scripts/lib/validate.ts';
import { mutate, random, type Mutant } from './mutations.ts';

export interface FuzzCase {
  readonly index: number;
  readonly applied: string[];
  readonly bytes: number;
  readonly ms: number;
  readonly errors: number;
  /** What is wrong with how the file was answered (empty when nothing is). */
  readonly problems: string[];
}

export interface FuzzRun {
  readonly cases: FuzzCase[];
  /** Median time to validate the valid file the mutants come from, in milliseconds. */
  readonly validMs: number;
  /** Its size in bytes. */
  readonly validBytes: number;
}

async function timed(project: Project, path: string): Promise<{ ms: number; diagnostics: Diagnostic[]; json: string }> {
  const start = performance.now();
  const result = await validateFile(project, path);
  const json = formatReport('json', toReport(result.diagnostics, 1), { sources: new Map(), color: false });
  return { ms: performance.now() - start, diagnostics: result.diagnostics, json };
}

/**
 * Validates `count` mutants of the submission at `validPath` (inside `project`), one by one, each
 * written in its place (so that a harmless mutation is accepted); the file is restored after.
 */
export async function fuzzValidate(project: Project, validPath: string, seed: number, count: number): Promise<FuzzRun> {
  const valid = await readFile(validPath);
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push((await timed(project, validPath)).ms);
  const validMs = samples.sort((a, b) => a - b)[3]!;

  const rnd = random(seed);
  const cases: FuzzCase[] = [];
  try {
    for (let index = 0; index < count; index++) cases.push(await fuzzCase(project, validPath, index, mutate(valid, rnd)));
  } finally {
    await writeFile(validPath, valid);
  }
  return { cases, validMs, validBytes: valid.length };
}

async function fuzzCase(project: Project, path: string, index: number, { bytes, applied }: Mutant): Promise<FuzzCase> {
  await writeFile(path, bytes);
  const start = performance.now();
  let answer: Awaited<ReturnType<typeof timed>>;
  try {
    answer = await timed(project, path);
  } catch (cause) {
    return { index, applied, bytes: bytes.length, ms: performance.now() - start, errors: 0, problems: [`threw: ${(cause as Error).message}`] };
  }
  const { ms, diagnostics, json } = answer;
  const problems: string[] = [];
  const internal = diagnostics.filter((d) => d.rule === 'internal-error');
  if (internal.length > 0) problems.push(`internal error: ${internal[0]!.message}`);
  try {
    JSON.parse(json);
  } catch {
    problems.push('the JSON report does not parse');
  }
  for (const d of diagnostics) {
    if (!(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1)) problems.push(`no place: ${d.rule} at ${d.line}:${d.column}`);
    if (!d.hint) problems.push(`no hint: ${d.rule}`);
  }
  return { index, applied, bytes: bytes.length, ms, errors: diagnostics.filter((d) => d.severity === 'error').length, problems };
}
