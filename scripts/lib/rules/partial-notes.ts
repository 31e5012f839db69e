import { claimEntries, supportOf } from '../claims.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const partialNotes: Rule<DataSubject> = {
  id: 'partial-notes',
  description: 'A claim of partial support says in `notes` what is missing or conditional.',
  kinds: ['submission'],
  check({ data }) {
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      if (supportOf(claim) !== 'partial') continue;
      const notes = claim['notes'];
      if (typeof notes === 'string' && notes.trim() !== '') continue;
      findings.push(
        error(
          { path: ['features', id, 'support'] },
          `${id} is "partial" without notes.`,
          'Add notes: saying what is missing or under which conditions it works (feature gate, alpha, needs cert-manager…).',
        ),
      );
    }
    return findings;
  },
};
