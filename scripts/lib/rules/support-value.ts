import { claimEntries, deriveSupport, isBasicValue, type Support } from '../claims.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const supportValue: Rule<DataSubject> = {
  id: 'support-value',
  description: 'A written `support` agrees with the value: full or partial need a value that says yes; none needs one that says no; unknown has no value.',
  kinds: ['submission'],
  check({ data }) {
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      const support = claim['support'] as Support | undefined;
      const value = claim['value'];
      if (typeof support !== 'string' || !('value' in claim) || !isBasicValue(value)) continue;
      const implied = deriveSupport(value);
      const at = { path: ['features', id, 'support'] };
      if (support === 'unknown') {
        findings.push(error(at, `${id} is "unknown" but has a value.`, 'Remove the value, or set support to what the value says (or leave support out).'));
      } else if ((support === 'full' || support === 'partial') && implied === 'none') {
        findings.push(error(at, `${id} is "${support}" but its value ${JSON.stringify(value)} says it is not supported.`, 'Give the value that is supported, or set support: none.'));
      } else if (support === 'none' && implied === 'full') {
        findings.push(error(at, `${id} is "none" but its value ${JSON.stringify(value)} says it is supported.`, 'Use the value false, 0 or [] with support: none, or change support.'));
      }
    }
    return findings;
  },
};
