// SARIF 2.1.0, the format code-review tools (GitHub code scanning, IDE viewers) read: one run of
// the `ofm` tool, the rules it reports with what they check, one result per finding.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FindingsReport, Severity } from '../diagnostic.ts';
import { TOOL_VERSION } from '../tool.ts';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** What each rule checks, by id, for the rule list. */
  readonly descriptions: ReadonlyMap<string, string>;
}

export function formatSarif(report: FindingsReport, options: SarifOptions): string {
  const ids = [...new Set(report.findings.map((d) => d.rule))].sort();
  const rules: ReportingDescriptor[] = ids.map((id) => ({
    id,
    ...(options.descriptions.has(id) ? { shortDescription: { text: options.descriptions.get(id)! } } : {}),
    help: { text: `What the rule checks and how to fix its findings: docs/rules.md, rule ${id}.` },
  }));
  const results: Result[] = report.findings.map((d) => ({
    ruleId: d.rule,
    ruleIndex: ids.indexOf(d.rule),
    level: LEVELS[d.severity],
    message: { text: `${d.message}\nHint: ${d.hint}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' }, region: { startLine: d.line, startColumn: d.column } } }],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ofm', version: TOOL_VERSION, rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
