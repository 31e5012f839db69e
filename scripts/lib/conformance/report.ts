// The report model of a conformance run. Writers (writers/) turn it into JSON, JUnit XML and
// Markdown; the validator and the site read the JSON.
import type { ConformanceReport, FeatureResult, ProbeResult } from '../generated/conformance-report.ts';

export type { ConformanceReport, FeatureResult, ProbeResult };

export function summaryOf(features: readonly FeatureResult[]): ConformanceReport['summary'] {
  const count = (verdict: FeatureResult['verdict']) => features.filter((f) => f.verdict === verdict).length;
  return { confirmed: count('confirmed'), contradicted: count('contradicted'), inconclusive: count('inconclusive'), not_probeable: count('not-probeable') };
}

/** 0: nothing contradicted; 1: a claim is contradicted; 3: the cluster could not be reached, or the run failed or was interrupted. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 3 {
  if (report.status !== 'completed') return 3;
  return report.summary.contradicted > 0 ? 1 : 0;
}
