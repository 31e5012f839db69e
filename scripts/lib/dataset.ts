// The project's data as the site and the data package read it: only files without errors (a file
// with errors is left out whole, never half-used), put together per catalogue: every submitted
// release with its operator and the evidence and conformance reports that belong to it.
import { indexCatalogue, type Catalogue, type CatalogueIndex } from './catalogue.ts';
import type { Submission } from './claims.ts';
import type { ConformanceReport } from './generated/conformance-report.ts';
import type { EvidenceReport } from './generated/evidence-report.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { classifyPath, projectRelative, SUBMISSIONS_DIR, type FileKind } from './layout.ts';
import { byVersionDescending, type Release } from './matrix.ts';
import type { Project } from './project.ts';
import { VERDICT_RULES } from './rules/index.ts';
import { dataFiles, validateFile } from './validate.ts';

/** A data file that passed validation: its project-relative path and its data. */
export interface DataEntry {
  readonly id: string;
  readonly kind: FileKind;
  readonly data: unknown;
}

/** A file left out for its errors. */
export interface LeftOut {
  readonly file: string;
  readonly errors: number;
}

/**
 * The project's data files of the given kinds that have no errors, by path. A claim contradicted
 * by a conformance run is content to show, not broken data: that rule does not leave a file out.
 */
export async function validEntries(project: Project, kinds: readonly FileKind[]): Promise<{ entries: DataEntry[]; leftOut: LeftOut[] }> {
  const entries: DataEntry[] = [];
  const leftOut: LeftOut[] = [];
  for (const file of await dataFiles(project, [])) {
    const id = projectRelative(project.root, file);
    const kind = id ? classifyPath(id) : undefined;
    if (!id || !kind || !kinds.includes(kind)) continue;
    const result = await validateFile(project, file, kind);
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && !VERDICT_RULES.has(d.rule)).length;
    if (errors > 0 || result.data === undefined) leftOut.push({ file: id, errors });
    else entries.push({ id, kind, data: result.data });
  }
  return { entries, leftOut };
}

/** One catalogue and what was submitted against it. */
export interface TechnologyData {
  readonly index: CatalogueIndex;
  /** Every operator under submissions/<technology>/, by id, whether or not it has a release. */
  readonly operators: ReadonlyMap<string, OperatorMetadata>;
  /** Every release of those operators against this catalogue, newest first. */
  readonly releases: Release[];
}

type Entry = Pick<DataEntry, 'id' | 'data'>;

/** A catalogue's operators and releases, from validated entries of every kind. */
export function technologyData(
  index: CatalogueIndex,
  files: { readonly operators: readonly Entry[]; readonly submissions: readonly Entry[]; readonly evidence: readonly Entry[]; readonly conformance: readonly Entry[] },
): TechnologyData {
  const { technology } = index.catalogue;
  const folder = `${SUBMISSIONS_DIR}/${technology}/`;
  const operators = new Map<string, OperatorMetadata>();
  for (const entry of files.operators) {
    const metadata = entry.data as OperatorMetadata;
    if (entry.id.startsWith(folder)) operators.set(metadata.id, metadata);
  }
  // A report names the submission file it checked; it counts only for the release it names.
  const reports = new Map(files.evidence.map((e) => [(e.data as EvidenceReport).submission, e.data as EvidenceReport]));
  const conformanceReports = new Map(files.conformance.map((e) => [(e.data as ConformanceReport).submission, e.data as ConformanceReport]));
  const releases: Release[] = [];
  for (const entry of files.submissions) {
    const submission = entry.data as Submission;
    const operator = operators.get(submission.operator);
    if (!operator || !submission.catalogue.startsWith(`${technology}@`)) continue;
    const evidence = reports.get(entry.id);
    const conformance = conformanceReports.get(entry.id);
    releases.push({
      operator,
      submission,
      ...(evidence && evidence.version === submission.version ? { evidence } : {}),
      ...(conformance && conformance.version === submission.version && conformance.operator === submission.operator ? { conformance } : {}),
    });
  }
  return { index, operators, releases: releases.sort(byVersionDescending) };
}

/** Every valid catalogue of the project with its data, by technology, and the files left out for errors. */
export async function loadDataSet(project: Project): Promise<{ technologies: TechnologyData[]; leftOut: LeftOut[] }> {
  const { entries, leftOut } = await validEntries(project, ['catalogue', 'operator', 'submission', 'evidence-report', 'conformance-report']);
  const of = (kind: FileKind) => entries.filter((e) => e.kind === kind);
  const files = { operators: of('operator'), submissions: of('submission'), evidence: of('evidence-report'), conformance: of('conformance-report') };
  const technologies = of('catalogue')
    .map((e) => indexCatalogue(e.data as Catalogue))
    .sort((a, b) => a.catalogue.technology.localeCompare(b.catalogue.technology, 'en'))
    .map((index) => technologyData(index, files));
  return { technologies, leftOut };
}
