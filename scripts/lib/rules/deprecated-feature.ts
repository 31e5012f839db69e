import { claimEntries } from '../claims.ts';
import { catalogueOf } from './context.ts';
import { error, warning, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const deprecatedFeature: Rule<DataSubject> = {
  id: 'deprecated-feature',
  description: 'Warns on deprecated features and former ids; a feature given under both its id and a former id is an error.',
  kinds: ['submission'],
  check(subject) {
    const index = catalogueOf(subject);
    if (!index) return [];
    const findings: RuleFinding[] = [];
    const ids = new Set(claimEntries(subject.data).map((e) => e.id));
    for (const { id } of claimEntries(subject.data)) {
      const at = { path: ['features', id], part: 'key' as const };
      const renamed = index.aliases.get(id);
      if (renamed && !index.features.has(id)) {
        if (ids.has(renamed.id)) {
          findings.push(error(at, `${id} is a former id of ${renamed.id}, which is also given.`, `Keep only ${renamed.id}.`));
        } else {
          findings.push(warning(at, `${id} has been renamed ${renamed.id} (${renamed.name}).`, `Rename the key to ${renamed.id}.`));
        }
        continue;
      }
      const feature = index.features.get(id);
      if (feature?.deprecated) {
        const { since, reason, replaced_by: replacement } = feature.deprecated;
        findings.push(
          warning(at, `${id} (${feature.name}) is deprecated since ${index.catalogue.technology}@${since}: ${reason}`, replacement ? `Use ${replacement} instead.` : 'Remove the claim when you next update this file.'),
        );
      }
    }
    return findings;
  },
};
