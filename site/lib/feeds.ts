// Atom feeds of claim changes, one per operator and one for all, written by the feed package.
import { Feed } from 'feed';
import { toHtml } from 'hast-util-to-html';
import { TOOL } from '../../scripts/lib/tool.ts';
import { releaseEntries } from './changes.ts';
import { href, type SiteData } from './data.ts';

const address = (site: URL, path: string): string => new URL(href(path), site).href;

// Atom titles and summaries here are HTML: text from data (operator names) is escaped into it.
const text = (value: string): string => toHtml({ type: 'text', value });

export function releasesFeed(data: SiteData, site: URL | undefined, operator?: string): string {
  if (!site) throw new Error('A feed needs the site\'s address: set OFM_SITE_URL.');
  const entries = releaseEntries(data, operator).slice(0, 50);
  const name = operator ? data.operators.get(operator)!.metadata.name : `${data.index.catalogue.name} operators`;
  const self = operator ? `operators/${operator}/feed.xml` : 'feed.xml';
  const feed = new Feed({
    id: `tag:ofm,2026:${operator ?? 'all'}`,
    title: `${name}: claims by release · OFM`, // feed titles are text, escaped by the feed package
    description: 'What each submitted release claims that the release before it did not.',
    link: address(site, operator ? `operators/${operator}/` : ''),
    feedLinks: { atom: address(site, self) },
    updated: entries[0] ? new Date(`${entries[0].released}T00:00:00Z`) : new Date(0),
    generator: TOOL,
    copyright: 'Claims are submitted by vendors.',
  });
  for (const entry of entries) {
    const page = entry.previous ? `operators/${entry.operator}/changes/${entry.previous}...${entry.version}/` : `operators/${entry.operator}/`;
    feed.addItem({
      id: `tag:ofm,2026:${entry.operator}/${entry.version}`,
      title: text(`${entry.operatorName} ${entry.version}${entry.previous ? ` (${entry.lines.length} change${entry.lines.length === 1 ? '' : 's'} from ${entry.previous})` : ''}`),
      link: address(site, page),
      date: new Date(`${entry.released}T00:00:00Z`),
      description: entry.lines.map(text).join('<br>\n'),
    });
  }
  return feed.atom1();
}

export const atom = (xml: string): Response => new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
