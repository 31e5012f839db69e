// `ofm fix`: applies the fixes that are safe and mechanical — quoting values that YAML 1.1 reads
// differently, pinning evidence links to the release — by editing each file's text in place, so
// comments and layout survive. `--dry-run` prints the changes as a diff and writes nothing.
import { writeFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from '../lib/diagnostic.ts';
import type { CommandResult } from './command.ts';
import { validatePaths } from './validate.ts';

export interface FixOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly dryRun: boolean;
}

/** The text with every fix applied, last first; a fix that overlaps one already applied is left. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])).sort((a, b) => b.start - a.start);
  let result = text;
  let applied = 0;
  let limit = Infinity;
  for (const fix of fixes) {
    if (fix.end > limit || fix.start > fix.end || fix.end > text.length) continue;
    result = result.slice(0, fix.start) + fix.text + result.slice(fix.end);
    limit = fix.start;
    applied++;
  }
  return { text: result, applied };
}

export async function fix(options: FixOptions): Promise<CommandResult> {
  const results = await validatePaths(options.paths, options.cwd);
  let stdout = '';
  let applied = 0;
  let files = 0;
  for (const result of results) {
    if (result.text === undefined || !result.diagnostics.some((d) => d.fix)) continue;
    const fixed = applyFixes(result.text, result.diagnostics);
    if (fixed.applied === 0) continue;
    applied += fixed.applied;
    files++;
    if (options.dryRun) stdout += createTwoFilesPatch(`a/${result.file}`, `b/${result.file}`, result.text, fixed.text, '', '', { context: 1 });
    else await writeFile(result.absolutePath, fixed.text);
  }
  const left = results.reduce((n, r) => n + r.diagnostics.filter((d) => !d.fix && d.severity !== 'info').length, 0);
  const verb = options.dryRun ? 'Would fix' : 'Fixed';
  stdout += `${verb} ${applied} finding(s) in ${files} file(s)${left > 0 ? `; ${left} other finding(s) need a person: run \`ofm validate\`.` : '.'}\n`;
  return { exitCode: 0, stdout, stderr: '' };
}
