// How documentation generators turn a heading into its anchor. Each follows the generator's own
// rule (cited below) so that an anchor in a link can be matched against the heading in the source.
import GithubSlugger from 'github-slugger';

export type SlugStyle = 'github' | 'mkdocs' | 'hugo' | 'docusaurus' | 'sphinx';

/** Gives the anchors of the headings of one page, in order, handling repeated headings. */
export interface Slugger {
  slug(heading: string): string;
}

const asciiFold = (text: string) => text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');

/** Appends -1, -2… (or _1, _2… for Python-Markdown) to repeated anchors, as the generators do. */
function uniqueness(separator: string, slugify: (text: string) => string): Slugger {
  const seen = new Map<string, number>();
  return {
    slug(heading) {
      const base = slugify(heading);
      const count = seen.get(base);
      seen.set(base, (count ?? 0) + 1);
      if (count === undefined) return base;
      let candidate = `${base}${separator}${count}`;
      let n = count;
      while (seen.has(candidate)) candidate = `${base}${separator}${++n}`;
      seen.set(candidate, 1);
      return candidate;
    },
  };
}

export function slugger(style: SlugStyle): Slugger {
  switch (style) {
    case 'github':
    case 'docusaurus': {
      // Docusaurus uses github-slugger too.
      const github = new GithubSlugger();
      return { slug: (heading) => github.slug(heading) };
    }
    case 'mkdocs':
      // Python-Markdown's toc extension, default slugify: ASCII-fold, drop what is not a word
      // character, space or dash, lower-case, then runs of spaces and dashes become one dash.
      return uniqueness('_', (text) =>
        asciiFold(text)
          .replace(/[^\w\s-]/g, '')
          .trim()
          .toLowerCase()
          .replace(/[-\s]+/g, '-'),
      );
    case 'hugo':
      // Hugo's default (goldmark, autoHeadingIDType "github"): letters, digits and _ lower-cased,
      // spaces and dashes kept as dashes, everything else dropped.
      return uniqueness('-', (text) =>
        [...text]
          .map((c) => (c === ' ' || c === '-' ? '-' : /[\p{L}\p{N}_]/u.test(c) ? c.toLowerCase() : ''))
          .join(''),
      );
    case 'sphinx':
      // docutils make_id: ASCII-fold, lower-case, runs of other characters become one dash, and
      // leading digits and dashes (and trailing dashes) are removed.
      return uniqueness('-', (text) =>
        asciiFold(text)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trimEnd()
          .replace(/^[ 0-9]+/, '')
          .replaceAll(' ', '-'),
      );
  }
}
