// The one comment the bot keeps on a pull request: a table of the checks, then each failing or
// warning check's findings grouped per file with their hints. `ofm pr-check` prints the same
// text. The first line marks the comment as OFM's; the digest line lets the bot leave an
// unchanged comment alone.
import { sha256 } from '../digest.ts';
import { escapeMarkdown, formatFindingsMarkdown } from '../reporters/markdown.ts';
import type { Check, PrCheckResult } from './result.ts';

export const COMMENT_MARKER = '<!-- ofm-pr-check -->';
const DIGEST_PREFIX = '<!-- ofm-pr-check digest:';
/** GitHub refuses comments over 65,536 characters; findings are listed while the comment stays below this. */
const MAX_COMMENT = 60_000;
const FINDINGS_LIMITS = [150, 50, 10, 0];

export interface CommentOptions {
  /** Where docs/rules.md is read, for links from each rule id. */
  readonly rulesUrl: string;
  /** The base as the reader would pass it to `ofm pr-check --base`. */
  readonly baseRef?: string;
}

const OUTCOME = { pass: '✅ passed', fail: '❌ failed', warn: '⚠️ warnings', skip: '➖ skipped' } as const;

export function headline(result: Pick<PrCheckResult, 'checks'>): string {
  const run = result.checks.filter((c) => c.outcome !== 'skip');
  if (run.length === 0) return '➖ nothing to check: no data file changes';
  const failing = run.filter((c) => c.outcome === 'fail').length;
  if (failing > 0) return `❌ ${failing} of ${run.length} checks failed`;
  const warning = run.filter((c) => c.outcome === 'warn').length;
  if (warning > 0) return `⚠️ all ${run.length} checks passed, ${warning} with warnings`;
  return `✅ all ${run.length} checks passed`;
}

function checkSection(check: Check, options: CommentOptions, budget: number): string {
  const findings = formatFindingsMarkdown(check.findings, { rulesUrl: options.rulesUrl, limit: budget, level: 4 });
  return [`### ${OUTCOME[check.outcome]}: ${escapeMarkdown(check.title)}`, '', escapeMarkdown(check.summary), '', findings].join('\n');
}

/** The comment, with as many findings listed as fit. */
export function renderComment(result: PrCheckResult, options: CommentOptions): string {
  for (const limit of FINDINGS_LIMITS) {
    const comment = renderWithLimit(result, options, limit);
    if (comment.length <= MAX_COMMENT) return comment;
  }
  return cut(renderWithLimit(result, options, 0));
}

/** A comment still too long (only a hostile result can be): its start, and the digest line. */
function cut(comment: string): string {
  const digest = comment.slice(comment.lastIndexOf(DIGEST_PREFIX));
  return `${comment.slice(0, MAX_COMMENT - digest.length - 200)}\n\n…cut: the full result is in the check's job summary.\n${digest}`;
}

function renderWithLimit(result: PrCheckResult, options: CommentOptions, limit: number): string {
  const lines = [COMMENT_MARKER, `## OFM check: ${headline(result)}`, ''];
  lines.push('| Check | Result | Details |', '| --- | --- | --- |');
  for (const check of result.checks) lines.push(`| ${escapeMarkdown(check.title)} | ${OUTCOME[check.outcome]} | ${escapeMarkdown(check.summary)} |`);
  lines.push('');
  let budget = limit;
  for (const check of result.checks.filter((c) => c.findings.length > 0 && c.outcome !== 'skip')) {
    lines.push(checkSection(check, options, budget), '');
    budget = Math.max(0, budget - check.findings.length);
  }
  if (result.labels.length > 0) lines.push(`Labels: ${result.labels.map((l) => `\`${l}\``).join(', ')}`, '');
  // Shown in a code span, where escapes do not work: a ref of other characters is not shown.
  const base = options.baseRef && /^[A-Za-z0-9._/~^-]{1,100}$/.test(options.baseRef) ? options.baseRef : 'origin/main';
  lines.push(`<sub>Run \`npx ofm pr-check --base ${base}\` to see this locally; \`npx ofm fix\` applies the mechanical fixes. ${escapeMarkdown(result.tool)}.</sub>`);
  const body = lines.join('\n');
  return `${body}\n${DIGEST_PREFIX}${sha256(body)} -->\n`;
}

/** The digest written into a comment, or undefined for a comment OFM did not write. */
export function digestOf(comment: string): string | undefined {
  if (!comment.startsWith(COMMENT_MARKER)) return undefined;
  const at = comment.lastIndexOf(DIGEST_PREFIX);
  return at === -1 ? undefined : comment.slice(at + DIGEST_PREFIX.length).split(' ')[0];
}
