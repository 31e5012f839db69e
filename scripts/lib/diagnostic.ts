// One Diagnostic shape for every OFM command; its type comes from schema/findings.schema.json.
import type { Diagnostic, FindingsReport, Severity, Summary } from './generated/findings.ts';
import { schemas } from './schemas.ts';
import { TOOL } from './tool.ts';

export type { Diagnostic, FindingsReport, Severity, Summary };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const infos = count('info');
  return { files, errors: count('error'), warnings: count('warning'), ...(infos > 0 ? { infos } : {}) };
}

export function toReport(diagnostics: readonly Diagnostic[], files: number): FindingsReport {
  const findings = [...diagnostics].sort(compareDiagnostics);
  return { $schema: schemas.findings.$id, tool: TOOL, findings, summary: summarize(findings, files) };
}
