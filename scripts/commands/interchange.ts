import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { validatorFor } from '../lib/ajv.ts';
import { parseCatalogueRef } from '../lib/catalogue.ts';
import { toReport, type Diagnostic } from '../lib/diagnostic.ts';
import type { OperatorMetadata } from '../lib/generated/operator.ts';
import { ID_PATTERN, operatorPath, RELEASE_PATTERN, schemaCommentFor, schemaLinksOf, submissionPath } from '../lib/layout.ts';
import { fromOfm, toOfm, type OfmInterchangeSubmission } from '../lib/ofm-interchange.ts';
import { ofmCommandIn, openProject, placeFor, type Project } from '../lib/project.ts';
import { formatReport } from '../lib/reporters/index.ts';
import { schemaFindings } from '../lib/schema-errors.ts';
import { schemas } from '../lib/schemas.ts';
import type { Submission } from '../lib/claims.ts';
import { error } from '../lib/rules/rule.ts';
import { pathInside } from '../lib/untrusted/paths.ts';
import { diagnosticsFor, loadDataFile, validateFile } from '../lib/validate.ts';
import { UsageError, type CommandResult } from './command.ts';

export interface InterchangeOptions {
  readonly file: string | undefined;
  /** Where to write; "-" for standard output. */
  readonly out: string | undefined;
  readonly cwd: string;
  readonly force: boolean;
}

export interface ImportOptions extends InterchangeOptions {
  readonly operator: string | undefined;
  readonly technology: string;
}

/** The project around `cwd`, or `cwd` as a vendor's repository. */
async function openAt(cwd: string): Promise<Project> {
  const { root, catalogueRoot } = placeFor(cwd);
  return openProject(root, catalogueRoot);
}

async function inputPath(options: InterchangeOptions): Promise<string> {
  if (!options.file) throw new UsageError('Name the file to convert.');
  const path = resolve(options.cwd, options.file);
  if (!(await stat(path).then((s) => s.isFile(), () => false))) throw new UsageError(`No such file: ${options.file}`);
  return path;
}

function failed(diagnostics: Diagnostic[], sources: Map<string, string>): CommandResult {
  const report = toReport(diagnostics, 1);
  return { exitCode: 1, stdout: formatReport('text', report, { sources, color: false }), stderr: '' };
}

async function write(target: string, text: string, force: boolean, display: string): Promise<void> {
  if (existsSync(target) && !force) throw new UsageError(`${display} already exists; add --force to overwrite it.`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

const slug = (name: string) =>
  name.toLowerCase().normalize('NFKD').replaceAll(/[^a-z0-9]+/g, ' ').trim().replaceAll(' ', '-').replace(/^(?=[0-9])/, 'op-');

export async function importOfm(options: ImportOptions): Promise<CommandResult> {
  const project = await openAt(options.cwd);
  const index = project.catalogues.get(options.technology);
  if (!index) throw new UsageError(`There is no usable catalogue for "${options.technology}".`);
  const loaded = await loadDataFile(project, await inputPath(options));
  const sources = new Map(loaded.text === undefined ? [] : [[loaded.file, loaded.text]]);
  if (loaded.data === undefined) return failed(loaded.diagnostics, sources);
  const validate = validatorFor<OfmInterchangeSubmission>(() => project.ajv, schemas.ofmInterchange.$id);
  if (!validate(loaded.data)) {
    return failed(diagnosticsFor(loaded, 'ofm-format', schemaFindings(validate.errors, 'schema/ofm-interchange.md')), sources);
  }
  const name = loaded.data.metadata.operator.name;
  const operator = options.operator ?? (name ? slug(name) : undefined);
  if (!operator) throw new UsageError('The file names no operator; give --operator <id>.');
  if (!ID_PATTERN.test(operator)) throw new UsageError(`--operator takes lower-case letters, digits and dashes, not "${operator}".`);
  const { submission, notes } = fromOfm(loaded.data, index, operator);
  // The version names the file written: only a release number may do that.
  if (options.out === undefined && !RELEASE_PATTERN.test(submission.version)) {
    const where = { path: ['metadata', 'submission', 'version'] };
    const message = `The version ${JSON.stringify(submission.version)} is not a release number such as "2.4.0"; OFM names the file after it.`;
    return failed(diagnosticsFor(loaded, 'ofm-format', [error(where, message, 'Correct metadata.submission.version, or give --out <file>.')]), sources);
  }
  const relativePath = submissionPath(options.technology, operator, submission.version || 'unknown-version');
  const text = `${schemaCommentFor(relativePath, 'submission', options.technology, schemaLinksOf(project))}\n# Imported from the community OFM format (${loaded.file}).\n${stringify(submission, { lineWidth: 0, version: '1.1' })}`;
  const lines = notes.map((n) => `note: ${n}`);
  if (options.out === '-') return { exitCode: 0, stdout: text, stderr: lines.map((l) => `${l}\n`).join('') };
  const target = options.out ? resolve(options.cwd, options.out) : pathInside(project.root, relativePath);
  if (!target) throw new UsageError(`${relativePath} is not a path inside the project.`);
  await write(target, text, options.force, options.out ?? relativePath);
  lines.push(`Wrote ${options.out ?? relativePath}. Check it with: ${ofmCommandIn(project)} validate ${options.out ?? relativePath}`);
  if (!existsSync(join(project.root, operatorPath(options.technology, operator)))) {
    lines.push(`There is no ${operatorPath(options.technology, operator)} yet: \`${ofmCommandIn(project)} new\` writes one to fill in, or copy another operator's.`);
  }
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

const EXPORT_IGNORES = new Set(['evidence-required', 'operator-metadata', 'file-path', 'partial-notes', 'support-value', 'public-url']);

export async function exportOfm(options: InterchangeOptions): Promise<CommandResult> {
  const project = await openAt(options.cwd);
  const path = await inputPath(options);
  const result = await validateFile(project, path, 'submission');
  // Conversion needs well-formed claims of a known catalogue; the completeness rules do not matter here.
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && !EXPORT_IGNORES.has(d.rule));
  if (errors.length > 0) return failed(errors, new Map(result.text === undefined ? [] : [[result.file, result.text]]));
  const submission = parse(result.text ?? '') as Submission;
  const ref = parseCatalogueRef(submission.catalogue);
  const index = ref ? project.catalogues.get(ref.technology) : undefined;
  if (!ref || !index) throw new UsageError(`The catalogue ${submission.catalogue} is not available.`);
  const metadataFile = join(dirname(path), 'operator.yaml');
  const operator = existsSync(metadataFile) ? (parse(await readFile(metadataFile, 'utf8')) as OperatorMetadata) : undefined;
  const { document, notes } = toOfm(submission, index, operator);
  const text = `# Exported by OFM from ${result.file} in the community Operator Feature Matrix ${index.catalogue.ofm_version ?? ''} layout.\n${stringify(document, { lineWidth: 0 })}`;
  const lines = notes.map((n) => `note: ${n}\n`).join('');
  if (options.out === undefined || options.out === '-') return { exitCode: 0, stdout: text, stderr: lines };
  await write(resolve(options.cwd, options.out), text, options.force, options.out);
  return { exitCode: 0, stdout: `${lines}Wrote ${options.out}.\n`, stderr: '' };
}
