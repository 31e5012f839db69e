// Markdown from data (definitions, criteria, notes) to HTML that is safe to put on a page: raw
// HTML in the source is dropped, and the result is sanitised to GitHub's allow-list with only
// http, https and mailto links, so no script, event handler or javascript: URL survives. Images
// become links, so a note cannot make readers' browsers fetch a tracking pixel, and Markdown
// nested deeper than any note needs is shown as plain text, since the renderers recurse.
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { depthOf, walk } from './untrusted/tree.ts';

/** Deeper Markdown (blockquotes in lists in blockquotes…) is rendered as plain text. */
export const MAX_MARKDOWN_DEPTH = 32;

const parser = unified().use(remarkParse).use(remarkGfm);
const stringifier = unified().use(rehypeStringify);

const sanitizeSchema = (idPrefix: string) => ({
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  // Ids from data could clash with the page's own anchors, or with another note's footnotes.
  clobberPrefix: idPrefix,
});

/** Links within the rendered text (footnotes and their back-links) follow the prefixed ids. */
const prefixFragmentLinks = (idPrefix: string) => (tree: HastRoot) => {
  walk<HastNodes>(tree, (node) => {
    const href = node.type === 'element' && node.tagName === 'a' ? node.properties['href'] : undefined;
    if (node.type === 'element' && typeof href === 'string' && href.startsWith('#')) node.properties['href'] = `#${idPrefix}${href.slice(1)}`;
  });
};

/** Turns every image into a link to it, labelled with its alt text. */
function imagesAsLinks(tree: MdastRoot): void {
  walk<MdastNodes>(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as MdastNodes[];
    children.forEach((child, i) => {
      if (child.type === 'image') {
        children[i] = { type: 'link', url: child.url, title: child.title ?? null, children: [{ type: 'text', value: child.alt || child.url }] };
      } else if (child.type === 'imageReference') {
        const { identifier, label, referenceType, alt } = child;
        children[i] = { type: 'linkReference', identifier, label, referenceType, children: [{ type: 'text', value: alt || label || identifier }] };
      }
    });
  });
}

const toSafeHtml = (idPrefix: string) =>
  unified()
    .use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: '' })
    .use(rehypeSanitize, sanitizeSchema(idPrefix))
    .use(() => prefixFragmentLinks(idPrefix));

export interface RenderOptions {
  /**
   * Prefix of the ids the HTML defines (footnotes), unique on the page: several notes on one
   * page each number their footnotes from 1. Letters, digits and dashes.
   */
  readonly idPrefix?: string;
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const idPrefix = `md-${(options.idPrefix ?? '').replace(/[^A-Za-z0-9-]/g, '-')}${options.idPrefix ? '-' : ''}`;
  const tree = parser.parse(markdown);
  if (depthOf(tree) > MAX_MARKDOWN_DEPTH) {
    return stringifier.stringify({ type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: markdown }] }] });
  }
  imagesAsLinks(tree);
  return stringifier.stringify(toSafeHtml(idPrefix).runSync(tree)).trim();
}

/** For one short text: the same, without the paragraph around a single paragraph. */
export function renderInlineMarkdown(markdown: string, options: RenderOptions = {}): string {
  const html = renderMarkdown(markdown, options);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}
