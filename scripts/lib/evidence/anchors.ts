// The anchors a page offers: element ids and <a name>s of HTML, the heading anchors of Markdown
// (by the generator's slug rule, or an explicit {#id}), and HTML anchors written inside Markdown.
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Heading, Html } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { visit } from 'unist-util-visit';
import { slugger, type SlugStyle } from './slugs.ts';

function idsOf(tree: HastRoot, into: Set<string>): void {
  visit(tree, 'element', (element) => {
    const { id, name } = element.properties;
    if (typeof id === 'string' && id) into.add(id);
    if (element.tagName === 'a' && typeof name === 'string' && name) into.add(name);
  });
}

export function htmlAnchors(html: string): Set<string> {
  const anchors = new Set<string>();
  idsOf(fromHtml(html), anchors);
  return anchors;
}

// `## Title {#custom-id}` (Hugo, Docusaurus, MkDocs attr_list) or `## Title {: #custom-id }`.
const EXPLICIT_ID = /\s*\{:?\s*#([^\s}]+)[^}]*\}\s*$/;

export interface MarkdownPage {
  readonly anchors: Set<string>;
  /** Front matter fields, when the page has YAML front matter. */
  readonly frontMatter: string | undefined;
}

export function markdownPage(markdown: string, style: SlugStyle): MarkdownPage {
  const tree = fromMarkdown(markdown, { extensions: [frontmatter(['yaml', 'toml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])] });
  const anchors = new Set<string>();
  const slugs = slugger(style);
  let frontMatter: string | undefined;
  visit(tree, (node) => {
    if (node.type === 'yaml') frontMatter = (node as { value: string }).value;
    if (node.type === 'heading') {
      const text = toString(node as Heading, { includeImageAlt: false });
      const explicit = text.match(EXPLICIT_ID);
      anchors.add(explicit ? explicit[1]! : slugs.slug(text.trim()));
    }
    if (node.type === 'html') idsOf(fromHtml((node as Html).value, { fragment: true }), anchors);
  });
  return { anchors, frontMatter };
}

export const markdownAnchors = (markdown: string, style: SlugStyle): Set<string> => markdownPage(markdown, style).anchors;

/** The fragment of a URL as an anchor name ("" when there is none). */
export function fragmentOf(url: URL): string {
  const raw = url.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `#L10` or `#L10-L20` (GitHub's line anchors). */
export function lineRange(fragment: string): { start: number; end: number } | undefined {
  const match = fragment.match(/^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/);
  if (!match) return undefined;
  const start = Number(match[1]);
  return { start, end: match[2] ? Number(match[2]) : start };
}
