import { operatorBeside } from '../beside.ts';
import { claimEntries, evidenceItems, isRecord } from '../claims.ts';
import { pinningOf } from '../evidence/pinning.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/**
 * Evidence shows what one release does, so it points at that release: its documentation (from
 * operator.yaml's template) or a tag or commit of its repository — never the newest docs, a
 * branch, or another release. Checked offline, from the URLs alone.
 */
export const evidencePinning: Rule<DataSubject> = {
  id: 'evidence-pinning',
  description: "Evidence links point at the submission's release: its documentation version (operator.yaml's template) or a tag or commit, not latest/current/stable docs, a branch such as main, or another release.",
  kinds: ['submission'],
  check({ data, absolutePath, project }) {
    if (!isRecord(data) || typeof data['version'] !== 'string') return [];
    const version = data['version'];
    const operator = operatorBeside(project, absolutePath);
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      for (const { index, url } of evidenceItems(claim)) {
        if (typeof url !== 'string') continue;
        const { problem } = pinningOf(url, version, operator);
        if (!problem) continue;
        const finding = error({ path: ['features', id, 'evidence', index, 'url'] }, problem.message, problem.hint);
        findings.push(problem.pinned ? { ...finding, fix: { value: problem.pinned } } : finding);
      }
    }
    return findings;
  },
};
