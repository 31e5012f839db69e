import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatCatalogueRef } from '../lib/catalogue.ts';
import { ID_PATTERN, operatorPath, RELEASE_PATTERN, schemaLinksOf, submissionPath } from '../lib/layout.ts';
import { ofmCommandIn, openProject, placeFor } from '../lib/project.ts';
import { operatorBeside } from '../lib/beside.ts';
import { moveSubmission } from '../lib/next-release.ts';
import { newOperatorText, newSubmissionText } from '../lib/template.ts';
import { UsageError, type CommandResult } from './command.ts';

export interface NewOptions {
  readonly operator: string | undefined;
  readonly version: string | undefined;
  readonly technology: string;
  /** Release date; today when not given. */
  readonly released: string | undefined;
  /** An earlier release of the same operator to copy the claims from. */
  readonly from: string | undefined;
  readonly force: boolean;
  readonly cwd: string;
  readonly today: string;
}


export async function newSubmission(options: NewOptions): Promise<CommandResult> {
  const { operator, version } = options;
  if (!operator || !ID_PATTERN.test(operator)) throw new UsageError('Give --operator <id>: lower-case letters, digits and dashes, for example --operator cloudnative-pg.');
  if (!version || !RELEASE_PATTERN.test(version)) throw new UsageError('Give --version <release>, such as --version 1.30.0 (without a leading "v").');
  const released = options.released ?? options.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(released)) throw new UsageError('Give --released as YYYY-MM-DD.');
  // Outside an OFM project, the folder it runs in is taken as a vendor's repository.
  const place = placeFor(options.cwd);
  const { root } = place;
  const project = await openProject(root, place.catalogueRoot);
  const schemaLinks = schemaLinksOf(project);
  const ofm = ofmCommandIn(project);
  const index = project.catalogues.get(options.technology);
  if (!index) throw new UsageError(`There is no usable catalogue for "${options.technology}"; known: ${[...project.catalogues.keys()].join(', ') || 'none'}.`);

  const relativePath = submissionPath(options.technology, operator, version);
  const target = join(root, relativePath);
  if (existsSync(target) && !options.force) throw new UsageError(`${relativePath} already exists; add --force to overwrite it.`);

  let text: string;
  let fromNotes: string[] = [];
  if (options.from) {
    const previousPath = submissionPath(options.technology, operator, options.from);
    const previous = await readFile(join(root, previousPath), 'utf8').catch(() => undefined);
    if (previous === undefined) throw new UsageError(`There is no ${previousPath} to start from.`);
    const next = moveSubmission(previous, {
      fromVersion: options.from,
      version,
      released,
      catalogueRef: formatCatalogueRef(index.catalogue),
      operator: operatorBeside(project, join(root, previousPath)),
    });
    text = next.text;
    fromNotes = [
      `Claims are copied from ${options.from}, with its comments and layout: review each one for ${version}.`,
      next.moved.length > 0 ? `${next.moved.length} evidence link(s) now point at ${version}; check that each page still shows the claim: ${ofm} evidence ${relativePath}` : '',
      ...(next.recheck.length > 0 ? ['Re-check these by hand:', ...next.recheck.map((line) => `  - ${line}`)] : []),
    ];
  } else {
    text = newSubmissionText(index, { relativePath, schemaLinks, operator, version, released });
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);

  const written = [relativePath];
  const metadataPath = operatorPath(options.technology, operator);
  if (!existsSync(join(root, metadataPath))) {
    await writeFile(join(root, metadataPath), newOperatorText(metadataPath, operator, schemaLinks));
    written.push(metadataPath);
  }
  const notes = [
    `Wrote ${written.join(' and ')}.`,
    options.released ? '' : `The release date is set to today (${released}); correct it if the release is older.`,
    ...fromNotes,
    written.length > 1 ? `Fill in ${metadataPath}.` : '',
    `Then check your work: ${ofm} validate ${dirname(relativePath)}`,
  ];
  return { exitCode: 0, stdout: `${notes.filter(Boolean).join('\n')}\n`, stderr: '' };
}
