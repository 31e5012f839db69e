import { claimEntries } from '../claims.ts';
import { cataloguePath } from '../layout.ts';
import { closest } from '../suggest.ts';
import { catalogueOf } from './context.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/** How many unknown keys of one file get a "did you mean". */
const MAX_SUGGESTIONS = 100;

export const unknownFeature: Rule<DataSubject> = {
  id: 'unknown-feature',
  description: "Every key under `features` is a feature id (or former id) of the submission's catalogue.",
  kinds: ['submission'],
  check(subject) {
    const index = catalogueOf(subject);
    if (!index) return [];
    const findings: RuleFinding[] = [];
    const candidates = [...index.features.keys(), ...index.aliases.keys()];
    const byName = new Map([...index.features.values()].map((f) => [f.name.toLowerCase(), f.id]));
    for (const { id } of claimEntries(subject.data)) {
      if (index.features.has(id) || index.aliases.has(id)) continue;
      // Past the first hundred, a suggestion per key costs time and helps no one (a file of thousands
      // of unknown keys is not a set of typos).
      const suggest = findings.length < MAX_SUGGESTIONS;
      const suggestion = suggest ? (byName.get(id.toLowerCase().replaceAll(/[_-]/g, ' ')) ?? closest(id, candidates)) : undefined;
      const feature = suggestion ? index.features.get(suggestion) ?? index.aliases.get(suggestion) : undefined;
      findings.push(
        error(
          { path: ['features', id], part: 'key' },
          `"${id}" is not a feature of ${index.catalogue.technology}@${index.catalogue.version}.`,
          suggestion && feature
            ? `Did you mean "${suggestion}" (${feature.name})?`
            : `Feature ids are listed in ${cataloguePath(index.catalogue.technology)}; remove this key or use one of them.`,
        ),
      );
    }
    return findings;
  },
};
