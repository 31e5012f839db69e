// `--summary <file>` of the checking commands: all findings as Markdown, appended to a file such
// as GitHub's $GITHUB_STEP_SUMMARY (which the runner shows on the job's page).
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FindingsReport } from '../lib/diagnostic.ts';
import { PUBLISHED_RULES_URL } from '../lib/layout.ts';
import { formatMarkdown } from '../lib/reporters/markdown.ts';
import { UsageError } from './command.ts';

/** GitHub accepts at most 1 MiB of summary per step: 300 findings of at most ~2 KB each stay below. */
const SUMMARY_FINDINGS = 300;

export async function appendSummary(file: string, cwd: string, report: FindingsReport, title: string): Promise<void> {
  const text = formatMarkdown(report, { title, rulesUrl: PUBLISHED_RULES_URL, limit: SUMMARY_FINDINGS });
  await appendFile(resolve(cwd, file), text).catch((error: Error) => {
    throw new UsageError(`Cannot write the summary to ${file}: ${error.message}`);
  });
}

/** The --annotations value: a whole number, at least 0. */
export function annotationLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--annotations takes a whole number, such as 10; got "${value}".`);
  return n;
}
