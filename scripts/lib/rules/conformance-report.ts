import { claimDigest } from '../digest.ts';
import { isRecord } from '../claims.ts';
import { claimsById } from '../releases.ts';
import { reportBeside } from '../beside.ts';
import type { Submission } from '../claims.ts';
import { catalogueOf, folders } from './context.ts';
import { error, warning, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/**
 * A submission is judged by the conformance report beside it (<version>.conformance.json): a
 * contradicted claim is an error on that claim; a report about an earlier version of a claim, or
 * of the submission, no longer counts and says so.
 */
export const conformanceReport: Rule<DataSubject> = {
  id: 'conformance-report',
  description: 'A claim that the conformance report beside the submission contradicts is an error; a report that no longer matches the submission or its claims is a warning.',
  kinds: ['submission'],
  check(subject) {
    const { data, absolutePath, project } = subject;
    const beside = reportBeside(project, absolutePath, 'conformance-report');
    if (!beside || !isRecord(data)) return [];
    const name = folders(beside.path).file;
    const rerun = `Re-run \`npx ofm conform --operator ${String(data['operator'])}\` against a cluster running this release, and commit the new ${name}.`;
    if (!beside.report) return [warning({ line: 1, column: 1 }, `${name} cannot be used: ${beside.unusable}.`, `Check it with \`npx ofm validate\`, or ${rerun.charAt(0).toLowerCase()}${rerun.slice(1)}`)];
    const report = beside.report;
    for (const key of ['operator', 'version', 'catalogue'] as const) {
      if (report[key] !== undefined && report[key] !== data[key]) {
        return [warning({ path: [key] }, `${name} is about ${key} ${String(report[key])}, not ${String(data[key])}; its results are not used.`, rerun)];
      }
    }
    if (report.status !== 'completed') {
      return [warning({ line: 1, column: 1 }, `The conformance run of ${report.started_at.slice(0, 10)} ${report.status}${report.error ? `: ${report.error}` : ''}; its results are not used.`, rerun)];
    }
    const index = catalogueOf(subject);
    if (!index) return [];
    const claims = claimsById(index, data as unknown as Submission);
    const on = `${report.finished_at.slice(0, 10)}${report.kubernetes ? ` on Kubernetes ${report.kubernetes.minor ?? report.kubernetes.version}` : ''}`;
    const findings: RuleFinding[] = [];
    for (const result of report.features) {
      const entry = claims.get(result.feature);
      if (!entry || (result.verdict !== 'confirmed' && result.verdict !== 'contradicted')) continue;
      const at = { path: ['features', entry.key], part: 'key' as const };
      if (result.claim_digest !== claimDigest(entry.claim)) {
        findings.push(warning(at, `${name} checked an earlier version of this claim (${result.verdict} ${on}); the result no longer counts.`, rerun));
      } else if (result.verdict === 'contradicted') {
        findings.push(
          error(
            at,
            `The conformance run of ${on} contradicts this claim: ${result.detail}`,
            `Correct the claim; or, if the run is wrong, correct conformance.yaml and re-run \`npx ofm conform --operator ${String(data['operator'])}\`.`,
          ),
        );
      }
    }
    return findings;
  },
};
