import { describe, expect, it } from 'vitest';
import { markdownAnchors, htmlAnchors, lineRange } from '../../../scripts/lib/evidence/anchors.ts';
import { slugger, type SlugStyle } from '../../../scripts/lib/evidence/slugs.ts';

const slugs = (style: SlugStyle, ...headings: string[]) => {
  const s = slugger(style);
  return headings.map((h) => s.slug(h));
};

describe('heading anchors by generator', () => {
  it('github and docusaurus: github-slugger', () => {
    expect(slugs('github', 'Backup & Recovery', 'Backup & Recovery', 'Über `kubectl`')).toEqual(['backup--recovery', 'backup--recovery-1', 'über-kubectl']);
    expect(slugs('docusaurus', 'Volume snapshots (1.30)')).toEqual(['volume-snapshots-130']);
  });

  it('mkdocs: Python-Markdown toc, ASCII only, _1 for repeats', () => {
    expect(slugs('mkdocs', 'Backup & Recovery', 'Backup & Recovery', 'Über  -- kubectl')).toEqual(['backup-recovery', 'backup-recovery_1', 'uber-kubectl']);
  });

  it('hugo: goldmark github style', () => {
    expect(slugs('hugo', 'Setting up a Cluster with Synchronous replica', "What's new?", "What's new?")).toEqual([
      'setting-up-a-cluster-with-synchronous-replica',
      'whats-new',
      'whats-new-1',
    ]);
  });

  it('sphinx: docutils ids drop leading digits', () => {
    expect(slugs('sphinx', '2. Install the Operator!')).toEqual(['install-the-operator']);
  });
});

describe('anchors of a page', () => {
  it('reads explicit {#id}s, HTML anchors inside Markdown, and skips front matter', () => {
    const md = '---\ntitle: "# Not a heading"\nurl: /x\n---\n# Install {#setup}\n\n<a name="old-name"></a>\n\n## Helm chart\n';
    expect([...markdownAnchors(md, 'hugo')]).toEqual(['setup', 'old-name', 'helm-chart']);
  });

  it('reads ids and <a name>s of HTML, not other names', () => {
    expect([...htmlAnchors('<h2 id="a">A</h2><a name="b"></a><input name="c"><div id="d"></div>')]).toEqual(['a', 'b', 'd']);
  });

  it('reads GitHub line anchors', () => {
    expect(lineRange('L10')).toEqual({ start: 10, end: 10 });
    expect(lineRange('L10-L20')).toEqual({ start: 10, end: 20 });
    expect(lineRange('L3C5-L4C2')).toEqual({ start: 3, end: 4 });
    expect(lineRange('install')).toBeUndefined();
  });
});
