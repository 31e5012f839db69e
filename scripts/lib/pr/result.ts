// The result of checking a pull request (schema/pr-check.schema.json): its checks, their
// outcomes and the labels that follow from them.
import { compareDiagnostics, type Diagnostic } from '../diagnostic.ts';
import type { Check, Label, PrCheckResult } from '../generated/pr-check.ts';
import { EVIDENCE_PROBLEMS } from '../evidence/problems.ts';
import type { Changes } from './changes.ts';

export type { Check, Label, PrCheckResult };

export function checkOf(id: Check['id'], title: string, findings: readonly Diagnostic[], summary: string, skipped = false): Check {
  const outcome: Check['outcome'] = skipped
    ? 'skip'
    : findings.some((f) => f.severity === 'error')
      ? 'fail'
      : findings.some((f) => f.severity === 'warning')
        ? 'warn'
        : 'pass';
  return { id, title, outcome, summary, findings: [...findings].sort(compareDiagnostics) };
}

/** Labels OFM sets and removes; any other label on a pull request is left alone. */
export const isManagedLabel = (label: string): boolean =>
  ['submission', 'new-operator', 'needs-evidence', 'stale-evidence-report', 'catalogue-change', 'ownership-check'].includes(label) || label.startsWith('operator/');

/** Labels that follow from what changed and who changed it: the commenting job recomputes these itself. */
export function trustedLabels(changes: Changes, ownership: Check): Label[] {
  const labels = new Set<Label>();
  if (changes.operators.length > 0) labels.add('submission');
  for (const operator of changes.operators) {
    labels.add(`operator/${operator.id}`);
    if (operator.new) labels.add('new-operator');
  }
  if (changes.catalogue || changes.schema) labels.add('catalogue-change');
  if (ownership.outcome === 'fail') labels.add('ownership-check');
  return [...labels];
}

const EVIDENCE_RULES = new Set(['evidence-required', ...Object.keys(EVIDENCE_PROBLEMS)]);

/** Labels that follow from the findings of validation and evidence checks. */
export function findingLabels(checks: readonly Check[]): Label[] {
  const findings = checks.filter((c) => c.id === 'validate' || c.id === 'evidence').flatMap((c) => c.findings);
  const labels: Label[] = [];
  if (findings.some((f) => EVIDENCE_RULES.has(f.rule) && f.severity === 'error')) labels.push('needs-evidence');
  if (findings.some((f) => f.rule === 'evidence-report')) labels.push('stale-evidence-report');
  return labels;
}

export function labelsOf(changes: Changes, checks: readonly Check[]): Label[] {
  const ownership = checks.find((c) => c.id === 'ownership');
  const trusted = ownership ? trustedLabels(changes, ownership) : trustedLabels(changes, checkOf('ownership', '', [], '', true));
  return [...new Set([...trusted, ...findingLabels(checks)])].sort();
}

export const failed = (result: Pick<PrCheckResult, 'checks'>): Check[] => result.checks.filter((c) => c.outcome === 'fail');
