import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toReport } from '../lib/diagnostic.ts';
import { openProject, openProjectsFor, placeOf, vendorPlace, type Project } from '../lib/project.ts';
import { formatReport, FORMATS, isFormat } from '../lib/reporters/index.ts';
import { RULE_DESCRIPTIONS } from '../lib/rules/index.ts';
import { dataFiles, validateFiles, type FileResult } from '../lib/validate.ts';
import { UsageError, type CommandResult } from './command.ts';
import { appendSummary } from './summary.ts';

export interface ValidateOptions {
  /** Files or folders; empty means every catalogue and submission of the project. */
  readonly paths: readonly string[];
  readonly format: string;
  readonly cwd: string;
  readonly color?: boolean;
  /** Also append all findings as Markdown to this file (a job summary). */
  readonly summary?: string;
  /** With --format github: annotations written, at most. */
  readonly annotations?: number;
}

/** Every file the paths name (or the whole project), validated, with its absolute path. */
export async function validatePaths(pathsGiven: readonly string[], cwd: string): Promise<(FileResult & { readonly absolutePath: string; readonly project: Project })[]> {
  const here = placeOf(cwd);
  if (!here && pathsGiven.length === 0) {
    throw new UsageError('This is neither inside an OFM project (no features/ and schema/ folders above) nor in a repository of submissions (no submissions/ folder above). Run it there, or name the files to check.');
  }
  const paths = pathsGiven.map((p) => resolve(cwd, p));
  for (const [i, path] of paths.entries()) {
    const exists = await stat(path).then(() => true, () => false);
    if (!exists) throw new UsageError(`No such file or folder: ${pathsGiven[i]}`);
  }
  // Files outside any project are judged as a vendor's, with the catalogues OFM ships.
  const fallback = here ?? vendorPlace(cwd);
  const groups = paths.length > 0 ? await openProjectsFor(paths, fallback) : [{ project: await openProject(fallback.root, fallback.catalogueRoot), paths: [] }];
  const results: (FileResult & { readonly absolutePath: string; readonly project: Project })[] = [];
  for (const group of groups) {
    const groupFiles = await dataFiles(group.project, group.paths);
    const checked = await validateFiles(group.project, groupFiles);
    results.push(...checked.map((result, i) => ({ ...result, absolutePath: groupFiles[i]!, project: group.project })));
  }
  return results;
}

export async function validate(options: ValidateOptions): Promise<CommandResult> {
  if (!isFormat(options.format)) throw new UsageError(`Unknown format "${options.format}"; use ${FORMATS.join(', ')}.`);
  const results = await validatePaths(options.paths, options.cwd);
  const report = toReport(results.flatMap((r) => r.diagnostics), results.length);
  const sources = new Map(results.flatMap((r) => (r.text !== undefined && r.diagnostics.length > 0 ? [[r.file, r.text] as const] : [])));
  const stdout = formatReport(options.format, report, { sources, color: options.color ?? false, descriptions: RULE_DESCRIPTIONS, ...(options.annotations === undefined ? {} : { annotations: options.annotations }) });
  if (options.summary) await appendSummary(options.summary, options.cwd, report, 'ofm validate');
  return { exitCode: report.summary.errors > 0 ? 1 : 0, stdout, stderr: '' };
}
