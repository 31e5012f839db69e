import { reportBeside } from '../beside.ts';
import { claimEntries, isRecord, type Claim } from '../claims.ts';
import { evidenceChecksOf } from '../knowledge.ts';
import { folders } from './context.ts';
import { warning, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/**
 * The evidence report beside a submission (<version>.evidence.json) counts only for the links and
 * claims it checked: a claim whose links or content changed since has no checked evidence.
 */
export const evidenceReport: Rule<DataSubject> = {
  id: 'evidence-report',
  description: 'The evidence report beside the submission is about it, and covers each claim as it stands (same links, same claim); a claim changed since is a warning.',
  kinds: ['submission'],
  check({ data, absolutePath, project }) {
    const beside = reportBeside(project, absolutePath, 'evidence-report');
    if (!beside || !isRecord(data)) return [];
    const name = folders(beside.path).file;
    const rerun = `Re-run \`npx ofm evidence --write-report ${folders(absolutePath).file}\` (with --offline and the documentation source if you check offline), and commit the new ${name}.`;
    if (!beside.report) return [warning({ line: 1, column: 1 }, `${name} cannot be used: ${beside.unusable}.`, rerun)];
    const report = beside.report;
    for (const key of ['operator', 'version'] as const) {
      if (report[key] !== data[key]) return [warning({ path: [key] }, `${name} is about ${key} ${report[key]}, not ${String(data[key])}; its checks are not used.`, rerun)];
    }
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      const evidence = Array.isArray(claim['evidence']) ? claim['evidence'] : [];
      if (evidence.length === 0) continue;
      const checks = evidenceChecksOf(report, id, claim as Claim);
      if (!checks.stale) continue;
      findings.push(
        warning(
          { path: ['features', id], part: 'key' },
          `${name} checked an earlier version of this claim: ${checks.byIndex.size} of its ${evidence.length} link(s) are checked as they stand now.`,
          rerun,
        ),
      );
    }
    return findings;
  },
};
