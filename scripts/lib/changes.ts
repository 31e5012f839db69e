// What changed between releases, in words: shared by the site's operator pages and Atom feeds and
// by the data package's CHANGELOG.md.
import type { CatalogueIndex } from './catalogue.ts';
import type { Claim } from './claims.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { supportWord, type Release } from './matrix.ts';
import { diffReleases, effectiveSupport, type ReleaseDiff } from './releases.ts';

/** A claim in a few words: "Partial: amd64, arm64". */
export function describeClaim(claim: Claim | undefined): string {
  const value = claim?.value;
  const text = value === undefined || typeof value === 'boolean' ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  return `${supportWord(effectiveSupport(claim))}${text ? `: ${text}` : ''}`;
}

/** Each change as one line of text. */
export function changeLines(index: CatalogueIndex, diff: ReleaseDiff): string[] {
  const name = (id: string) => index.features.get(id)?.name ?? id;
  return [
    ...diff.added.map((c) => `Added: ${name(c.feature)}, ${describeClaim(c.after)}`),
    ...diff.removed.map((c) => `Removed: ${name(c.feature)}, was ${describeClaim(c.before)}, now unknown`),
    ...diff.changed.map((c) => `Changed: ${name(c.feature)}, ${describeClaim(c.before)} → ${describeClaim(c.after)}`),
  ];
}

export interface ReleaseEntry {
  readonly operator: string;
  readonly operatorName: string;
  readonly version: string;
  readonly released: string;
  /** The release before it, when there is one. */
  readonly previous: string | undefined;
  readonly lines: string[];
}

/** One operator and its submitted releases, newest first. */
export interface OperatorReleases {
  readonly metadata: OperatorMetadata;
  readonly releases: readonly Release[];
}

/** Every submitted release of the given operators, newest first, with what changed from the release before it. */
export function releaseEntries(index: CatalogueIndex, operators: Iterable<OperatorReleases>): ReleaseEntry[] {
  const entries: ReleaseEntry[] = [];
  for (const view of operators) {
    view.releases.forEach((release, i) => {
      const previous = view.releases[i + 1];
      entries.push({
        operator: view.metadata.id,
        operatorName: view.metadata.name,
        version: release.submission.version,
        released: release.submission.released,
        previous: previous?.submission.version,
        lines: previous ? changeLines(index, diffReleases(index, previous.submission, release.submission)) : ['First submitted release.'],
      });
    });
  }
  return entries.sort((a, b) => b.released.localeCompare(a.released) || a.operator.localeCompare(b.operator));
}
