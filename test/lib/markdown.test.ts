import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../scripts/lib/markdown.ts';

describe('Markdown from data', () => {
  it('renders Markdown, GFM included', () => {
    expect(renderMarkdown('Needs `cert-manager`; see [docs](https://example.org/docs/#tls).\n\n- a\n- b')).toBe(
      '<p>Needs <code>cert-manager</code>; see <a href="https://example.org/docs/#tls">docs</a>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    );
    expect(renderMarkdown('~~old~~ and https://example.org')).toContain('<del>old</del>');
  });

  it.each([
    // An HTML block runs to the end of its line, so the text after it goes too.
    ['<script>alert(1)</script>text', ''],
    ['Before <script>alert(1)</script> after', '<p>Before alert(1) after</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p><a>x</a></p>'],
    ['<a href="javascript:alert(1)">x</a>', '<p>x</p>'],
    ['<iframe src="https://evil.example.org"></iframe>', ''],
    ['![x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['<style>body{display:none}</style>', ''],
  ])('drops what could run or restyle the page: %s', (markdown, html) => {
    const out = renderMarkdown(markdown);
    expect(out).not.toMatch(/<script|onerror|javascript:|<iframe|<style|data:/i);
    expect(out.replace(/<\/?p>/g, '')).toBe(html.replace(/<\/?p>/g, ''));
  });

  it('prefixes ids so data cannot take over the page\'s anchors', () => {
    expect(renderMarkdown('Note[^1]\n\n[^1]: Footnote.')).toMatch(/id="md-/);
  });

  it('renders one paragraph inline', () => {
    expect(renderInlineMarkdown('Only **Pods**.')).toBe('Only <strong>Pods</strong>.');
    expect(renderInlineMarkdown('One.\n\nTwo.')).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  it('gives each text its own footnote ids, and links that reach them', () => {
    const html = renderMarkdown('Note[^1]\n\n[^1]: Footnote.', { idPrefix: 'pgo' });
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['md-pgo-fnref-1', 'md-pgo-footnote-label', 'md-pgo-fn-1']);
    expect(targets.every((t) => ids.includes(t))).toBe(true);
    expect(html).toContain('aria-describedby="md-pgo-footnote-label"');
    expect(renderMarkdown('Note[^1]\n\n[^1]: Footnote.', { idPrefix: 'zalando' })).toContain('id="md-zalando-fn-1"');
  });

  it('turns images into links, so reading a note fetches nothing', () => {
    expect(renderMarkdown('![pixel](https://tracker.example/p.gif) and ![][r]\n\n[r]: https://tracker.example/q.gif')).toBe(
      '<p><a href="https://tracker.example/p.gif">pixel</a> and <a href="https://tracker.example/q.gif">r</a></p>',
    );
  });

  it('shows Markdown nested too deeply for the renderers as plain text, without overflowing the stack', () => {
    const deep = `${'> '.repeat(5000)}<b>x</b>`;
    const html = renderMarkdown(deep);
    expect(html.startsWith('<p>> > > ')).toBe(true);
    expect(html.endsWith('&#x3C;b>x&#x3C;/b></p>')).toBe(true);
  });
});
