import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../scripts/lib/ajv.ts';
import { toReport, type Diagnostic } from '../../scripts/lib/diagnostic.ts';
import { formatGithub } from '../../scripts/lib/reporters/github.ts';
import { formatJson } from '../../scripts/lib/reporters/json.ts';
import { formatMarkdown } from '../../scripts/lib/reporters/markdown.ts';
import { formatText } from '../../scripts/lib/reporters/text.ts';
import { schemas } from '../../scripts/lib/schemas.ts';

const finding: Diagnostic = {
  file: 'submissions/postgres/demo/1.2.0.yaml',
  line: 2,
  column: 3,
  rule: 'unknown-feature',
  severity: 'error',
  message: '"tlsp" is not a feature of postgres@1.0.0.',
  hint: 'Did you mean "tlssp" (TLS Support)?',
};
const report = toReport([finding, { ...finding, line: 1, column: 1, rule: 'schema-comment', severity: 'warning', message: 'a, b: 100%\nc' }], 1);

describe('reporters', () => {
  it('text: file:line:col, severity, rule, message, hint and a code frame pointing at the column', () => {
    const text = formatText(report, { sources: new Map([[finding.file, 'features:\n  tlsp: {}\n']]), color: false });
    const block = text.split('\n\n')[1]!.split('\n');
    expect(block[0]).toBe('submissions/postgres/demo/1.2.0.yaml:2:3  error  unknown-feature  "tlsp" is not a feature of postgres@1.0.0.');
    expect(block[1]).toBe('  hint: Did you mean "tlssp" (TLS Support)?');
    expect(block).toContain('    > 2 |   tlsp: {}');
    expect(block).toContain('        |   ^');
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 1 error and 1 warning in 1 file checked.');
  });

  it('json: matches schema/findings.schema.json, sorted by position', () => {
    const parsed = JSON.parse(formatJson(report));
    expect(createAjv().validate(schemas.findings.$id, parsed)).toBe(true);
    expect(parsed.findings.map((f: Diagnostic) => f.line)).toEqual([1, 2]);
    expect(parsed.summary).toEqual({ files: 1, errors: 1, warnings: 1 });
  });

  it('github: one escaped workflow command per finding', () => {
    const lines = formatGithub(report).trimEnd().split('\n');
    expect(lines[0]).toBe('::warning file=submissions/postgres/demo/1.2.0.yaml,line=1,col=1,title=ofm schema-comment::a, b: 100%25%0Ac%0AHint: Did you mean "tlssp" (TLS Support)?');
    expect(lines[1]).toMatch(/^::error file=.*,line=2,col=3,title=ofm unknown-feature::"tlsp" is not a feature/);
  });

  it('notes (info) are shown as such, counted apart, and never make a run fail', () => {
    const noted = toReport([{ ...finding, rule: 'omitted-feature', severity: 'info', message: 'hugpa is unknown, without a note.' }], 1);
    expect(noted.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 1 });
    const text = formatText(noted, { sources: new Map(), color: false });
    expect(text.split('\n')[0]).toBe('submissions/postgres/demo/1.2.0.yaml:2:3  info  omitted-feature  hugpa is unknown, without a note.');
    expect(text.trimEnd().split('\n').at(-1)).toBe('✔ 1 file checked, no problems (1 note).');
    expect(formatGithub(noted).split('\n')[0]).toMatch(/^::notice file=submissions\/postgres\/demo\/1\.2\.0\.yaml,line=2,col=3,title=ofm omitted-feature::/);
    expect(createAjv().validate(schemas.findings.$id, JSON.parse(formatJson(noted)))).toBe(true);
  });

  it('text and github: control characters from data are shown, never sent to the terminal', () => {
    const hostile = toReport([{ ...finding, message: 'key "a\u001b[2Jb"', hint: 'x\u009by' }], 1);
    for (const out of [formatText(hostile, { sources: new Map([[finding.file, 'features:\n  a\u001b[2Jb: {}\n']]), color: false }), formatGithub(hostile)]) {
      expect(out).not.toMatch(/[\u001b\u009b]/);
      expect(out).toContain('a\u241b[2Jb');
    }
  });
});

describe('markdown (job summaries and pull-request comments)', () => {
  const rulesUrl = 'https://example.test/docs/rules.md';
  const hostile: Diagnostic = {
    ...finding,
    file: 'submissions/postgres/demo/2.0.0.yaml',
    message: '<img src=x onerror=alert(1)> **bold** [link](https://evil.test) @everyone | `code` \u001b[31m',
    hint: 'line one\nline two',
  };
  const markdown = formatMarkdown(toReport([finding, hostile], 2), { title: 'ofm validate', rulesUrl });

  it('groups findings per file with hints and a link to the rules', () => {
    expect(markdown.split('\n')[0]).toBe('## ❌ ofm validate: 2 error(s), 0 warning(s), 0 note(s) in 2 file(s)');
    expect(markdown.match(/^### /gm)).toHaveLength(2);
    expect(markdown).toContain(`[unknown\\-feature](${rulesUrl})`);
    expect(markdown).toContain('Hint: Did you mean "tlssp" \\(TLS Support\\)?');
  });

  it('lets no markup, HTML, link or mention through from a finding', () => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const kinds = new Map<string, number>();
    const links: Array<{ url: string; text: string }> = [];
    visit(tree, (node) => {
      kinds.set(node.type, (kinds.get(node.type) ?? 0) + 1);
      if (node.type === 'link') links.push({ url: (node as { url: string }).url, text: toString(node) });
    });
    expect(kinds.get('strong')).toBe(2); // the two line:column positions, nothing from the message
    expect(kinds.has('inlineCode')).toBe(false);
    // Links: OFM's own to the rules, and bare addresses shown as written (GitHub links those
    // anyway), never a text that hides where it leads.
    expect(links.filter((l) => l.url === rulesUrl).map((l) => l.text)).toEqual(['unknown-feature', 'unknown-feature']);
    expect(links.filter((l) => l.url !== rulesUrl)).toEqual([{ url: 'https://evil.test', text: 'https://evil.test' }]);
    // The only raw HTML is the line break OFM itself writes.
    const html: string[] = [];
    visit(tree, 'html', (node: { value: string }) => void html.push(node.value));
    expect(html).toEqual(['<br>', '<br>']);
    expect(markdown).not.toContain('@everyone');
    expect(markdown).not.toContain('\u001b');
  });

  it('lists at most the limit, and counts the rest', () => {
    const many = toReport(Array.from({ length: 5 }, (_, i) => ({ ...finding, line: i + 1 })), 1);
    const text = formatMarkdown(many, { rulesUrl, limit: 2 });
    expect(text.match(/^- ❌/gm)).toHaveLength(2);
    expect(text).toContain('…and 3 more finding(s)');
  });

  it('github: with a limit, errors are annotated first and the rest counted in a notice', () => {
    const lines = formatGithub(report, { annotations: 1 }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error .*title=ofm unknown-feature::/);
    expect(lines[1]).toBe('::notice title=ofm::1 more finding(s) are not shown as annotations; the job summary lists them all.');
    expect(lines).toHaveLength(3);
  });
});
