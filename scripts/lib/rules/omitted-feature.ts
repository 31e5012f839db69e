import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isRecord } from '../claims.ts';
import { compareVersions, claimsById } from '../releases.ts';
import type { Submission } from '../claims.ts';
import type { Project } from '../project.ts';
import { catalogueOf } from './context.ts';
import { info, warning, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

const RELEASE_FILE = /^(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?)\.yaml$/;

/** The newest release submitted in each operator folder, read once per run (per project). */
const newestByFolder = new WeakMap<Project, Map<string, string | undefined>>();

/** Whether `version` is the newest release submitted in the operator's folder. */
function isNewest(project: Project, absolutePath: string, version: string): boolean {
  let byFolder = newestByFolder.get(project);
  if (!byFolder) newestByFolder.set(project, (byFolder = new Map()));
  const folder = dirname(absolutePath);
  if (!byFolder.has(folder)) {
    const versions = readdirSync(folder).flatMap((name) => RELEASE_FILE.exec(name)?.[1] ?? []);
    byFolder.set(folder, versions.sort(compareVersions).at(-1));
  }
  const newest = byFolder.get(folder);
  return newest === undefined || compareVersions(newest, version) <= 0;
}

/**
 * A submission says something of every feature: a feature left out, or unknown without a word
 * why, tells a reader nothing. For the newest release that is a warning; for older ones, a note.
 */
export const omittedFeature: Rule<DataSubject> = {
  id: 'omitted-feature',
  description: 'Every catalogue feature has a claim (a warning for the newest release, a note for older ones), and every unknown says in its notes what would settle it.',
  kinds: ['submission'],
  check(subject) {
    const { data, absolutePath } = subject;
    const index = catalogueOf(subject);
    if (!index || !isRecord(data) || !isRecord(data['features'])) return [];
    const version = typeof data['version'] === 'string' ? data['version'] : basename(absolutePath, '.yaml');
    const level = isNewest(subject.project, absolutePath, version) ? warning : info;
    const claims = claimsById(index, data as unknown as Submission);
    const findings: RuleFinding[] = [];
    const omitted = index.catalogue.features.filter((f) => !f.deprecated && !claims.has(f.id));
    if (omitted.length > 0) {
      findings.push(
        level(
          { path: ['features'], part: 'key' },
          `${omitted.length} feature(s) of the catalogue have no claim: ${omitted.map((f) => f.id).join(', ')}.`,
          'Add each one: a value with evidence, `value: false` (or `support: none`) with a note when the release lacks it, or `support: unknown` with a note saying what would settle it. `npx ofm new` lists every feature.',
        ),
      );
    }
    for (const { key, claim } of claims.values()) {
      if (claim.support === 'unknown' && !(typeof claim.notes === 'string' && claim.notes.trim())) {
        findings.push(
          level({ path: ['features', key], part: 'key' }, `${key} is unknown, without a note.`, 'Say in `notes` what you looked at and what evidence would settle it, so that readers and the next release know.'),
        );
      }
    }
    return findings;
  },
};
