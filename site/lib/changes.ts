// What changed between releases, in words, for the operator pages and the Atom feeds: the shared
// logic of scripts/lib/changes.ts, given the site's data.
import { releaseEntries as entriesOf, type ReleaseEntry } from '../../scripts/lib/changes.ts';
import type { SiteData } from './data.ts';

export { changeLines, describeClaim, type ReleaseEntry } from '../../scripts/lib/changes.ts';

/** Every submitted release (of one operator, when given), newest first, with what changed from the release before it. */
export const releaseEntries = (data: SiteData, operator?: string): ReleaseEntry[] =>
  entriesOf(data.index, [...data.operators.values()].filter((view) => !operator || view.metadata.id === operator));
