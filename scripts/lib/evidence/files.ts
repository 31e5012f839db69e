// What a checker needs to know about a repository or docs-source file to judge a link's
// fragment: its line count and, for Markdown and reStructuredText, its heading anchors.
import type { Outcome } from './checker.ts';
import { lineRange, restructuredTextAnchors } from './anchors.ts';
import type { PageParser } from './page-parser.ts';
import type { SlugStyle } from './slugs.ts';

export type FileSummary =
  | {
      readonly type: 'file';
      readonly lines: number;
      /** Markdown and reStructuredText files: their heading anchors. */
      readonly anchors?: readonly string[];
      /** Markdown files that could not be parsed: why. */
      readonly unreadable?: string;
    }
  | { readonly type: 'dir' }
  | { readonly type: 'missing' };

const isMarkdown = (path: string) => /\.(md|markdown|mdx)$/i.test(path);
const isRestructuredText = (path: string) => /\.rst$/i.test(path);

export async function summariseFile(path: string, text: string, style: SlugStyle, pages: PageParser): Promise<FileSummary> {
  const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (isRestructuredText(path)) return { type: 'file', lines, anchors: restructuredTextAnchors(text) };
  if (!isMarkdown(path)) return { type: 'file', lines };
  const page = await pages.parse({ kind: 'markdown', text, slugs: style });
  return 'unreadable' in page ? { type: 'file', lines, unreadable: page.unreadable } : { type: 'file', lines, anchors: page.anchors };
}

/** How a fragment fares against a file: a line range, or a heading anchor of a Markdown file. */
export function fragmentOutcome(summary: FileSummary, fragment: string): Pick<Outcome, 'anchor' | 'problem'> {
  if (!fragment) return { anchor: 'none' };
  if (summary.type !== 'file') return { anchor: 'unchecked' };
  const range = lineRange(fragment);
  if (range) {
    if (range.start >= 1 && range.start <= range.end && range.end <= summary.lines) return { anchor: 'found' };
    return {
      anchor: 'missing',
      problem: {
        id: 'evidence-anchor',
        message: `Lines ${range.start}-${range.end} are outside the file, which has ${summary.lines} lines.`,
        hint: 'Point the line range at the lines that show the claim in this version of the file.',
      },
    };
  }
  if (summary.unreadable) {
    return {
      anchor: 'unchecked',
      problem: { id: 'evidence-content-type', message: `The anchor could not be checked: ${summary.unreadable}.`, hint: 'Link a line range (#L10-L20) instead, or a page that reads normally.' },
    };
  }
  if (summary.anchors?.includes(fragment)) return { anchor: 'found' };
  return {
    anchor: 'missing',
    problem: {
      id: 'evidence-anchor',
      message: summary.anchors ? `The file has no heading with the anchor "#${fragment}".` : `"#${fragment}" is not a line anchor (#L10 or #L10-L20).`,
      hint: summary.anchors ? 'Use the anchor of an existing heading (copy it from the rendered page), or a line range.' : 'Link lines as #L10 or #L10-L20.',
    },
  };
}
