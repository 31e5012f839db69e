// Checks a pull request: validates the data files it changes, optionally their evidence, and
// the checks on its shape (ownership, one operator, file names, catalogue version, CODEOWNERS).
import { join } from 'node:path';
import type { Diagnostic, FindingsReport } from '../diagnostic.ts';
import { classifyPath } from '../layout.ts';
import type { Project } from '../project.ts';
import { schemas } from '../schemas.ts';
import { TOOL } from '../tool.ts';
import { validateFiles } from '../validate.ts';
import { classifyChanges, isOperatorFile, readOnce, type PullRequestView } from './changes.ts';
import { CODEOWNERS_PATH, codeownersText, operatorOwners } from './codeowners.ts';
import { catalogueVersionCheck, fileNamesCheck, oneOperatorCheck } from './hygiene.ts';
import { ownershipCheck } from './ownership.ts';
import { checkOf, labelsOf, type Check, type PrCheckResult } from './result.ts';

export interface PrCheckOptions {
  /** The project as checked out at the head: its files are the ones validated. */
  readonly project: Project;
  readonly view: PullRequestView;
  /** The base as given, for the report. */
  readonly base: string;
  readonly author?: string;
  readonly number?: number;
  /** Checks the evidence of the given project-relative submissions online; absent: not checked. */
  readonly evidence?: (submissions: readonly string[]) => Promise<FindingsReport>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countSummary(findings: readonly Diagnostic[], files: number, what: string): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return `${plural(files, what)}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

async function validateCheck(project: Project, changed: readonly string[]): Promise<Check> {
  const title = 'Changed data files are valid';
  if (changed.length === 0) return checkOf('validate', title, [], 'No catalogue, operator or submission file changes.', true);
  const results = await validateFiles(project, changed.map((path) => join(project.root, path)));
  const findings = results.flatMap((r) => r.diagnostics);
  return checkOf('validate', title, findings, countSummary(findings, changed.length, 'file'));
}

async function evidenceCheck(submissions: readonly string[], run: PrCheckOptions['evidence']): Promise<Check> {
  const title = 'Evidence links of changed submissions';
  if (!run) return checkOf('evidence', title, [], 'Not checked here (pass --evidence to check the links online).', true);
  if (submissions.length === 0) return checkOf('evidence', title, [], 'No submission changes.', true);
  const report = await run(submissions);
  return checkOf('evidence', title, report.findings, countSummary(report.findings, submissions.length, 'submission'));
}

async function codeownersCheck(project: Project, view: PullRequestView, touched: boolean): Promise<Check> {
  const title = `${CODEOWNERS_PATH} is current`;
  if (!touched) return checkOf('codeowners', title, [], 'Neither operator.yaml nor CODEOWNERS changes.', true);
  const expected = codeownersText(await operatorOwners(project.root));
  const actual = await view.readHead(CODEOWNERS_PATH);
  const findings: Diagnostic[] =
    actual === expected
      ? []
      : [{
          file: CODEOWNERS_PATH,
          line: 1,
          column: 1,
          rule: 'codeowners',
          severity: 'error',
          message: actual === undefined ? `${CODEOWNERS_PATH} is missing.` : `${CODEOWNERS_PATH} does not match the maintainers in the operators' operator.yaml files.`,
          hint: 'Run `npx ofm codeowners` and commit the file it writes.',
        }];
  return checkOf('codeowners', title, findings, findings.length === 0 ? 'Matches every operator\'s maintainers.' : 'Out of date.');
}

export async function checkPullRequest(options: PrCheckOptions): Promise<PrCheckResult> {
  const { project } = options;
  const view = readOnce(options.view);
  const changes = await classifyChanges(view);
  const present = changes.files.filter((f) => f.status !== 'deleted').map((f) => f.path);
  const dataFiles = present.filter((path) => classifyPath(path) !== undefined);
  const submissions = dataFiles.filter((path) => classifyPath(path) === 'submission');
  const touchedOwners = changes.files.some((f) => isOperatorFile(f.path) || f.path === CODEOWNERS_PATH);
  const checks = [
    await validateCheck(project, dataFiles),
    await evidenceCheck(submissions, options.evidence),
    await ownershipCheck(view, changes, options.author),
    oneOperatorCheck(changes),
    await fileNamesCheck(view, changes),
    await catalogueVersionCheck(view, changes),
    await codeownersCheck(project, view, touchedOwners),
  ];
  return {
    $schema: schemas.prCheck.$id,
    tool: TOOL,
    pull: {
      base: options.base,
      base_sha: view.baseSha,
      head_sha: view.headSha,
      ...(options.author ? { author: options.author } : {}),
      ...(options.number ? { number: options.number } : {}),
    },
    changes,
    checks,
    labels: labelsOf(changes, checks),
  };
}
