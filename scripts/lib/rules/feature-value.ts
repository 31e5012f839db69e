import { claimEntries, isBasicValue } from '../claims.ts';
import { resolveFeature, type Feature } from '../catalogue.ts';
import { checkValue } from '../feature-values.ts';
import { catalogueOf } from './context.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const featureValue: Rule<DataSubject> = {
  id: 'feature-value',
  description: "Each value has its feature's type (boolean, integer, string, string_array) and only allowed values.",
  kinds: ['submission'],
  check(subject) {
    const index = catalogueOf(subject);
    if (!index) return [];
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(subject.data)) {
      const resolved = resolveFeature(index, id);
      // Values of no JSON type at all are the schema rule's to report.
      if (!resolved || !('value' in claim) || !isBasicValue(claim['value'])) continue;
      const feature: Feature = resolved.feature;
      for (const problem of checkValue(feature, claim['value'])) {
        const path = problem.item === undefined ? ['features', id, 'value'] : ['features', id, 'value', problem.item];
        findings.push(error({ path }, problem.message, problem.hint));
      }
    }
    return findings;
  },
};
