// Findings as GitHub-flavoured Markdown: the job summary of the Action and the body of the
// pull-request comment. Every text in a finding may come from a submission, so all of it is
// escaped: no markup, HTML, links or @mentions can be smuggled in through a message.
import type { Diagnostic, FindingsReport } from '../diagnostic.ts';
import { clipText, printable } from './printable.ts';

export interface MarkdownOptions {
  /** Where docs/rules.md is read, for links from each rule id. */
  readonly rulesUrl: string;
  /** Findings listed in full, at most; the rest are counted. GitHub refuses comments over 65,536 characters. */
  readonly limit?: number;
  /** Heading level of each file's heading. */
  readonly level?: number;
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '|': '&#124;', '\n': ' ', '\r': ' ' };

/** Text that Markdown shows as written: one line, no markup, no HTML, no mentions. */
export function escapeMarkdown(text: string): string {
  // Punctuation first, so the entities added next are not escaped themselves.
  return (
    printable(text)
      .replace(/[\\`*_{}[\]()#+\-.!~:]/g, '\\$&')
      .replace(/[<>&|\n\r]/g, (c) => ENTITIES[c]!)
      // A zero-width space after an @ that could start a mention (as Dependabot's notes do);
      // postgres@1.0.0 is no mention and stays as it is.
      .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@&#8203;')
  );
}

const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** Longest message or hint shown in full; a longer one is cut, so one finding cannot fill a comment. */
const MAX_TEXT = 1000;
const clip = (text: string) => clipText(text, MAX_TEXT);

export function findingLine(d: Diagnostic, rulesUrl: string): string {
  return `- ${ICONS[d.severity]} **${escapeMarkdown(`${d.line}:${d.column}`)}** [${escapeMarkdown(d.rule)}](${rulesUrl}) — ${escapeMarkdown(clip(d.message))}<br>Hint: ${escapeMarkdown(clip(d.hint))}`;
}

/** Findings grouped per file, in the report's order, each with its hint and a link to the rules. */
export function formatFindingsMarkdown(findings: readonly Diagnostic[], options: MarkdownOptions): string {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const heading = '#'.repeat(options.level ?? 3);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of findings.slice(0, limit)) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const blocks = [...byFile].map(([file, list]) => [`${heading} ${escapeMarkdown(file)}`, '', ...list.map((d) => findingLine(d, options.rulesUrl))].join('\n'));
  if (findings.length > limit) blocks.push(`…and ${findings.length - limit} more finding(s). Run the same check locally to see them all.`);
  return blocks.join('\n\n');
}

/** A whole findings report as a job summary. */
export function formatMarkdown(report: FindingsReport, options: MarkdownOptions & { readonly title?: string }): string {
  const { files, errors, warnings, infos = 0 } = report.summary;
  const verdict = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const lines = [`## ${verdict} ${escapeMarkdown(options.title ?? 'OFM')}: ${errors} error(s), ${warnings} warning(s), ${infos} note(s) in ${files} file(s)`, ''];
  if (report.findings.length > 0) lines.push(formatFindingsMarkdown(report.findings, options), '');
  return `${lines.join('\n')}\n`;
}
