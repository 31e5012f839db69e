// What a checker needs to know about a repository or docs-source file to judge a link's
// fragment: its line count and, for Markdown, its heading anchors.
import type { Outcome } from './checker.ts';
import { lineRange, markdownAnchors } from './anchors.ts';
import type { SlugStyle } from './slugs.ts';

export type FileSummary =
  | { readonly type: 'file'; readonly lines: number; readonly anchors?: readonly string[] }
  | { readonly type: 'dir' }
  | { readonly type: 'missing' };

const isMarkdown = (path: string) => /\.(md|markdown|mdx)$/i.test(path);

export function summariseFile(path: string, text: string, style: SlugStyle): FileSummary {
  const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return isMarkdown(path) ? { type: 'file', lines, anchors: [...markdownAnchors(text, style)] } : { type: 'file', lines };
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
