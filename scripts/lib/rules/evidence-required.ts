import { resolveFeature } from '../catalogue.ts';
import { claimEntries, evidenceItems, isPositive, supportOf } from '../claims.ts';
import { catalogueOf } from './context.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const evidenceRequired: Rule<DataSubject> = {
  id: 'evidence-required',
  description: 'A claim of full or partial support carries at least one evidence link where the catalogue requires it.',
  kinds: ['submission'],
  check(subject) {
    const index = catalogueOf(subject);
    if (!index) return [];
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(subject.data)) {
      const feature = resolveFeature(index, id)?.feature;
      if (!feature || feature.evidence !== 'required') continue;
      const support = supportOf(claim);
      if (!isPositive(support) || evidenceItems(claim).length > 0) continue;
      findings.push(
        error(
          { path: ['features', id], part: 'key' },
          `${id} (${feature.name}) is claimed as "${support}" without evidence.`,
          'Add evidence: [{ title: …, url: … }] linking the documentation of this release (with the section anchor) or a repository file at the release tag.',
        ),
      );
    }
    return findings;
  },
};
