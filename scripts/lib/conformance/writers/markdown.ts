// A Markdown summary, for a pull request comment or a CI job summary.
import type { ConformanceReport, FeatureResult } from '../report.ts';

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

const VERDICTS: ReadonlyArray<[FeatureResult['verdict'], string]> = [
  ['contradicted', 'Contradicted'],
  ['confirmed', 'Confirmed'],
  ['inconclusive', 'Inconclusive'],
  ['not-probeable', 'Not probeable'],
];

export function writeMarkdown(report: ConformanceReport): string {
  const lines = [
    `# Conformance: ${report.operator}${report.version ? ` ${report.version}` : ''}`,
    '',
    `Level **${report.level}** on Kubernetes ${report.kubernetes?.version ?? '(unknown)'}${report.detected_version ? `, operator ${report.detected_version} running` : ''}; ${report.started_at} to ${report.finished_at}; ${report.tool}.`,
    '',
  ];
  if (report.status !== 'completed') lines.push(`> **The run ${report.status}.** ${report.error ?? ''}`, '');
  const { confirmed, contradicted, inconclusive, not_probeable: none } = report.summary;
  lines.push(`| Confirmed | Contradicted | Inconclusive | Not probeable |`, `| ---: | ---: | ---: | ---: |`, `| ${confirmed} | ${contradicted} | ${inconclusive} | ${none} |`, '');
  for (const [verdict, title] of VERDICTS) {
    const features = report.features.filter((f) => f.verdict === verdict);
    if (features.length === 0 || verdict === 'not-probeable') continue;
    lines.push(`## ${title}`, '', '| Feature | Claim | Level | What was seen |', '| --- | --- | --- | --- |');
    for (const f of features) lines.push(`| \`${f.feature}\` | ${f.support} | ${f.level ?? ''} | ${cell(f.detail)} |`);
    lines.push('');
  }
  if (none > 0) lines.push(`Not probeable: ${report.features.filter((f) => f.verdict === 'not-probeable').map((f) => `\`${f.feature}\``).join(', ')}.`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
