import type { FindingsReport } from '../diagnostic.ts';
import { printable } from './printable.ts';

// Escaping of GitHub Actions workflow commands, as documented for `::error` and `::warning`:
// the message escapes %, CR and LF; property values also escape ':' and ','.
const escapeData = (s: string) => printable(s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'));
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** One annotation per finding, shown on the pull request's changed lines. */
export function formatGithub(report: FindingsReport): string {
  const lines = report.findings.map((d) => {
    const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(`ofm ${d.rule}`)}`];
    return `::${d.severity === 'info' ? 'notice' : d.severity} ${properties.join(',')}::${escapeData(`${d.message}\nHint: ${d.hint}`)}`;
  });
  const { files, errors, warnings } = report.summary;
  lines.push(`OFM: ${errors} error(s), ${warnings} warning(s) in ${files} file(s).`);
  return `${lines.join('\n')}\n`;
}
