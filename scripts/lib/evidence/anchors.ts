// The anchors a page offers: element ids and <a name>s of HTML, the heading anchors of Markdown
// (by the generator's slug rule, or an explicit {#id}), and HTML anchors written inside Markdown.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse, parseFragment } from 'parse5';
import { textOf, walk, type TreeNode } from '../untrusted/tree.ts';
import { decodeComponent } from '../untrusted/paths.ts';
import { slugger, type SlugStyle } from './slugs.ts';

interface HtmlNode extends TreeNode {
  readonly tagName?: string;
  readonly attrs?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

/** Element ids and <a name>s of a parse5 tree. */
function idsOf(tree: HtmlNode, into: Set<string>): void {
  walk(tree, (node) => {
    for (const { name, value } of node.attrs ?? []) {
      if (value && (name === 'id' || (name === 'name' && node.tagName === 'a'))) into.add(value);
    }
  });
}

export function htmlAnchors(html: string): Set<string> {
  const anchors = new Set<string>();
  idsOf(parse(html) as HtmlNode, anchors);
  return anchors;
}

/**
 * The explicit id of a heading: `## Title {#custom-id}` (Hugo, Docusaurus, MkDocs attr_list) or
 * `## Title {: #custom-id }`. Only the text from the last "{" is matched, with an anchored
 * pattern, so a long heading cannot make the match slow.
 */
export function explicitHeadingId(heading: string): string | undefined {
  const text = heading.trimEnd();
  if (!text.endsWith('}')) return undefined;
  const open = text.lastIndexOf('{');
  return open < 0 ? undefined : /^\{:?\s*#([^\s}]+)(?:\s[^}]*)?\}$/.exec(text.slice(open))?.[1];
}

export interface MarkdownPage {
  readonly anchors: Set<string>;
  /** Front matter fields, when the page has YAML front matter. */
  readonly frontMatter: string | undefined;
}

interface MarkdownNode extends TreeNode {
  readonly type: string;
  readonly value?: string;
}

export function markdownPage(markdown: string, style: SlugStyle): MarkdownPage {
  const tree = fromMarkdown(markdown, { extensions: [frontmatter(['yaml', 'toml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])] });
  const anchors = new Set<string>();
  const slugs = slugger(style);
  let frontMatter: string | undefined;
  walk(tree as MarkdownNode, (node) => {
    if (node.type === 'yaml') frontMatter = node.value;
    if (node.type === 'heading') {
      const text = textOf(node);
      anchors.add(explicitHeadingId(text) ?? slugs.slug(text.trim()));
    }
    if (node.type === 'html') idsOf(parseFragment(node.value ?? '') as HtmlNode, anchors);
  });
  return { anchors, frontMatter };
}

export const markdownAnchors = (markdown: string, style: SlugStyle): Set<string> => markdownPage(markdown, style).anchors;

/** The fragment of a URL as an anchor name ("" when there is none). */
export function fragmentOf(url: URL): string {
  const raw = url.hash.slice(1);
  return decodeComponent(raw) ?? raw;
}

/** `#L10` or `#L10-L20` (GitHub's line anchors). */
export function lineRange(fragment: string): { start: number; end: number } | undefined {
  const match = fragment.match(/^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/);
  if (!match) return undefined;
  const start = Number(match[1]);
  return { start, end: match[2] ? Number(match[2]) : start };
}

const ADORNMENT = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/** A line of one repeated punctuation character, as reStructuredText underlines a title with. */
const isAdornment = (line: string) => line.length >= 2 && ADORNMENT.has(line[0]!) && [...line].every((c) => c === line[0]);

/**
 * The anchors GitHub gives a reStructuredText file: its section titles (a text line underlined by
 * punctuation) and its explicit targets (`.. _name:`), as docutils names them. A line scan, so
 * any file is read in linear time.
 */
export function restructuredTextAnchors(text: string): string[] {
  const slug = slugger('sphinx');
  const anchors: string[] = [];
  const lines = text.split('\n').map((line) => line.trimEnd());
  for (let i = 1; i < lines.length; i++) {
    const title = lines[i - 1]!.trim();
    if (isAdornment(lines[i]!) && title && !isAdornment(title) && !lines[i - 1]!.startsWith(' ')) anchors.push(slug.slug(title));
  }
  for (const line of lines) {
    if (line.startsWith('.. _') && line.endsWith(':') && line.length > 5) anchors.push(slug.slug(line.slice(4, -1).replace(/^`|`$/g, '')));
  }
  return anchors;
}
