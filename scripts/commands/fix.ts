// `ofm fix`: applies the fixes that are safe and mechanical — quoting values that YAML 1.1 reads
// differently, pinning evidence links to the release, putting claims in the catalogue's order,
// dropping repeated evidence links — by editing each file's text in place, so comments and
// layout survive. `--dry-run` prints the changes as a diff and writes nothing.
import { writeFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from '../lib/diagnostic.ts';
import type { CommandResult } from './command.ts';
import { validateFile } from '../lib/validate.ts';
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

/** Fixes can make room for others (a reordered list, then a quote inside it): a few passes at most. */
const MAX_PASSES = 5;

export async function fix(options: FixOptions): Promise<CommandResult> {
  const results = await validatePaths(options.paths, options.cwd);
  let stdout = '';
  let applied = 0;
  let files = 0;
  let left = 0;
  for (const result of results) {
    let { text, diagnostics } = result;
    let fixedHere = 0;
    // Each pass validates the text as the last pass left it, in memory, then applies its fixes.
    for (let pass = 0; text !== undefined && pass < MAX_PASSES && diagnostics.some((d) => d.fix); pass++) {
      const fixed = applyFixes(text, diagnostics);
      if (fixed.applied === 0) break;
      fixedHere += fixed.applied;
      text = fixed.text;
      diagnostics = (await validateFile(result.project, result.absolutePath, undefined, { content: new TextEncoder().encode(text) })).diagnostics;
    }
    left += diagnostics.filter((d) => !d.fix && d.severity !== 'info').length;
    if (fixedHere === 0 || text === undefined || result.text === undefined) continue;
    applied += fixedHere;
    files++;
    if (options.dryRun) stdout += createTwoFilesPatch(`a/${result.file}`, `b/${result.file}`, result.text, text, '', '', { context: 1 });
    else await writeFile(result.absolutePath, text);
  }
  const verb = options.dryRun ? 'Would fix' : 'Fixed';
  stdout += `${verb} ${applied} finding(s) in ${files} file(s)${left > 0 ? `; ${left} other finding(s) need a person: run \`ofm validate\`.` : '.'}\n`;
  return { exitCode: 0, stdout, stderr: '' };
}
