// What changed between releases, in words: shared by the operator pages and the Atom feeds.
import type { CatalogueIndex } from '../../scripts/lib/catalogue.ts';
import type { Claim } from '../../scripts/lib/claims.ts';
import { supportWord } from '../../scripts/lib/matrix.ts';
import { diffReleases, effectiveSupport, type ReleaseDiff } from '../../scripts/lib/releases.ts';
import type { SiteData } from './data.ts';

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

/** Every submitted release, newest first, with what changed from the release before it. */
export function releaseEntries(data: SiteData, operator?: string): ReleaseEntry[] {
  const entries: ReleaseEntry[] = [];
  for (const view of data.operators.values()) {
    if (operator && view.metadata.id !== operator) continue;
    view.releases.forEach((release, i) => {
      const previous = view.releases[i + 1];
      entries.push({
        operator: view.metadata.id,
        operatorName: view.metadata.name,
        version: release.submission.version,
        released: release.submission.released,
        previous: previous?.submission.version,
        lines: previous ? changeLines(data.index, diffReleases(data.index, previous.submission, release.submission)) : ['First submitted release.'],
      });
    });
  }
  return entries.sort((a, b) => b.released.localeCompare(a.released) || a.operator.localeCompare(b.operator));
}
