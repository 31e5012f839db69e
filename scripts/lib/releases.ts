// Release numbers: in documentation templates, in order, and what changed between two releases.
import semverCompare from 'semver/functions/compare.js';
import semverValid from 'semver/functions/valid.js';
import { resolveFeature, type CatalogueIndex } from './catalogue.ts';
import { isRecord, supportOf, type Claim, type Submission, type Support } from './claims.ts';

// Release numbers in templates such as https://example.org/docs/{major}.{minor}/ or v{version}.
export interface VersionParts {
  readonly version: string;
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
}

export function versionParts(version: string): VersionParts {
  const [major = '', minor = '', patch = ''] = version.split(/[.+-]/);
  return { version, major, minor, patch };
}

/** Fills {version}, {major}, {minor} and {patch}. */
export function expand(template: string, parts: VersionParts): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(version|major|minor|patch)\}/g, (_, key: keyof VersionParts) => parts[key]);
}

/** A release number as semantic versioning writes it: 1.30 is 1.30.0. */
const asSemver = (version: string): string => version.replace(/^(\d+\.\d+)(?=-|$)/, '$1.0');

/**
 * Compares release numbers by semantic-versioning precedence (1.9.0 < 1.10.0; 1.0.0-rc.1 <
 * 1.0.0; 1.0.0-x < 1.0.0-x-y), the one ordering used everywhere. Text that is no release number
 * sorts after those that are, by plain comparison.
 */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [semverValid(asSemver(a)), semverValid(asSemver(b))];
  if (x && y) return semverCompare(x, y);
  if (x || y) return x ? -1 : 1;
  return a.localeCompare(b, 'en');
}

/** The claims of a submission by current feature id (former ids resolved), with the key as written. */
export function claimsById(index: CatalogueIndex, submission: Submission): ReadonlyMap<string, { readonly key: string; readonly claim: Claim }> {
  // Several rules ask for the same file's claims: found once per catalogue and submission.
  let bySubmission = claimsByIdCache.get(index);
  if (!bySubmission) claimsByIdCache.set(index, (bySubmission = new WeakMap()));
  const known = bySubmission.get(submission);
  if (known) return known;
  const claims = new Map<string, { key: string; claim: Claim }>();
  for (const [key, claim] of Object.entries(isRecord(submission.features) ? submission.features : {})) {
    const feature = resolveFeature(index, key)?.feature;
    if (feature && isRecord(claim) && !claims.has(feature.id)) claims.set(feature.id, { key, claim });
  }
  bySubmission.set(submission, claims);
  return claims;
}

const claimsByIdCache = new WeakMap<CatalogueIndex, WeakMap<Submission, ReadonlyMap<string, { readonly key: string; readonly claim: Claim }>>>();

export const effectiveSupport = (claim: Claim | undefined): Support => (claim ? supportOf(claim as Record<string, unknown>) : 'unknown');

export interface ClaimChange {
  readonly feature: string;
  readonly before: Claim | undefined;
  readonly after: Claim | undefined;
}

export interface ReleaseDiff {
  /** Known in the newer release, unknown in the older. */
  readonly added: ClaimChange[];
  /** Known in the older release, unknown in the newer. */
  readonly removed: ClaimChange[];
  /** Known in both, with another support or value. */
  readonly changed: ClaimChange[];
}

export function diffReleases(index: CatalogueIndex, older: Submission, newer: Submission): ReleaseDiff {
  const before = claimsById(index, older);
  const after = claimsById(index, newer);
  const diff: ReleaseDiff = { added: [], removed: [], changed: [] };
  for (const feature of index.catalogue.features) {
    const b = before.get(feature.id)?.claim;
    const a = after.get(feature.id)?.claim;
    const known = (c: Claim | undefined) => effectiveSupport(c) !== 'unknown';
    const change = { feature: feature.id, before: b, after: a };
    if (!known(b) && known(a)) diff.added.push(change);
    else if (known(b) && !known(a)) diff.removed.push(change);
    else if (known(b) && known(a) && (effectiveSupport(b) !== effectiveSupport(a) || JSON.stringify(b?.value) !== JSON.stringify(a?.value))) {
      diff.changed.push(change);
    }
  }
  return diff;
}
