import { claimEntries, evidenceItems } from '../claims.ts';
import { publicUrlProblem } from '../untrusted/public-url.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const evidenceUrl: Rule<DataSubject> = {
  id: 'evidence-url',
  description: 'Evidence URLs are absolute https:// links to a public host, without credentials or other schemes (javascript:, data:, file:…).',
  kinds: ['submission'],
  check({ data }) {
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      for (const { index, url } of evidenceItems(claim)) {
        if (typeof url !== 'string') continue;
        const problem = publicUrlProblem(url);
        if (problem) findings.push(error({ path: ['features', id, 'evidence', index, 'url'] }, problem.message, problem.hint));
      }
    }
    return findings;
  },
};
