// Markdown from data (definitions, criteria, notes) to HTML that is safe to put on a page: raw
// HTML in the source is dropped, and the result is sanitised to GitHub's allow-list with only
// http, https and mailto links, so no script, event handler or javascript: URL survives.
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['https'] },
  // Ids from data could clash with the page's own anchors.
  clobberPrefix: 'md-',
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** For one short text: the same, without the paragraph around a single paragraph. */
export function renderInlineMarkdown(markdown: string): string {
  const html = renderMarkdown(markdown);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}
