import type { FindingsReport } from '../diagnostic.ts';
import { printable } from './printable.ts';

// Escaping of GitHub Actions workflow commands, as documented for `::error` and `::warning`:
// the message escapes %, CR and LF; property values also escape ':' and ','.
const escapeData = (s: string) => printable(s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'));
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

export interface GithubOptions {
  /** Annotations written, at most: GitHub shows only 10 of each kind per step, so the rest go to the job summary. */
  readonly annotations?: number;
}

/** One annotation per finding, shown on the pull request's changed lines. */
export function formatGithub(report: FindingsReport, options: GithubOptions = {}): string {
  const limit = options.annotations ?? Number.POSITIVE_INFINITY;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  // With a limit, errors are annotated before warnings and notes.
  const ordered = report.findings.length > limit ? [...report.findings].sort((a, b) => rank[a.severity] - rank[b.severity]) : report.findings;
  const lines = ordered.slice(0, limit).map((d) => {
    const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(`ofm ${d.rule}`)}`];
    return `::${d.severity === 'info' ? 'notice' : d.severity} ${properties.join(',')}::${escapeData(`${d.message}\nHint: ${d.hint}`)}`;
  });
  if (ordered.length > limit) lines.push(`::notice title=ofm::${ordered.length - limit} more finding(s) are not shown as annotations; the job summary lists them all.`);
  const { files, errors, warnings } = report.summary;
  lines.push(`OFM: ${errors} error(s), ${warnings} warning(s) in ${files} file(s).`);
  return `${lines.join('\n')}\n`;
}
