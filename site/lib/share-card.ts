// The image an operator page is shared with (og:image, 1200×630): the operator's name, its newest
// release and how its claims divide between yes, partial, no and unknown, in the site's colours.
// It is drawn as SVG (text from data escaped by hast-util-to-html) and rasterised to PNG by sharp.
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import sharp from 'sharp';
import { cellFor, supportWord } from '../../scripts/lib/matrix.ts';
import type { Support } from '../../scripts/lib/claims.ts';
import { clipText } from '../../scripts/lib/reporters/printable.ts';
import type { OperatorView, SiteData } from './data.ts';

export const CARD = { width: 1200, height: 630 } as const;

/** The site's light-theme colours (site/styles/global.css), which read well on white. */
const COLOURS: Record<Support, string> = { full: '#116329', partial: '#7d4e00', none: '#a40e26', unknown: '#57606a' };
const ORDER: readonly Support[] = ['full', 'partial', 'none', 'unknown'];

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
/** Names from data are cut, so that a long one cannot run off the card. */
const clip = (value: string, max: number) => clipText(value, max - 1);

export function shareCardSvg(data: SiteData, view: OperatorView): string {
  const latest = view.releases[0]!;
  const counts = new Map<Support, number>(ORDER.map((s) => [s, 0]));
  for (const feature of data.index.catalogue.features) {
    const { support } = cellFor(data.index, latest, feature);
    counts.set(support, counts.get(support)! + 1);
  }
  const total = data.index.catalogue.features.length;
  const bar = { x: 80, y: 360, width: 1040, height: 56 };
  const segments: ElementContent[] = [];
  const legend: ElementContent[] = [];
  let x = bar.x;
  for (const [i, support] of ORDER.entries()) {
    const count = counts.get(support)!;
    const width = total === 0 ? 0 : (count / total) * bar.width;
    if (width > 0) segments.push(el('rect', { x, y: bar.y, width, height: bar.height, fill: COLOURS[support] }));
    x += width;
    legend.push(
      el('rect', { x: 80 + i * 260, y: 460, width: 28, height: 28, rx: 4, fill: COLOURS[support] }),
      el('text', { x: 120 + i * 260, y: 484, fill: '#1b1f24', 'font-size': 30 }, [text(`${supportWord(support)} ${count}`)]),
    );
  }
  const svg = el('svg', { xmlns: 'http://www.w3.org/2000/svg', width: CARD.width, height: CARD.height, viewBox: `0 0 ${CARD.width} ${CARD.height}`, 'font-family': 'DejaVu Sans, Helvetica, Arial, sans-serif' }, [
    el('rect', { width: CARD.width, height: CARD.height, fill: '#ffffff' }),
    el('rect', { width: CARD.width, height: 12, fill: '#0550ae' }),
    el('text', { x: 80, y: 120, fill: '#57606a', 'font-size': 30 }, [text('OFM · Operator Feature Matrix')]),
    el('text', { x: 80, y: 210, fill: '#1b1f24', 'font-size': 72, 'font-weight': 'bold' }, [text(clip(view.metadata.name, 28))]),
    el('text', { x: 80, y: 280, fill: '#57606a', 'font-size': 34 }, [text(clip(`${latest.submission.version} · ${view.metadata.vendor}`, 56))]),
    el('text', { x: 80, y: 340, fill: '#1b1f24', 'font-size': 28 }, [text(`${total} features of the ${data.index.catalogue.name} catalogue ${data.index.catalogue.version}`)]),
    ...segments,
    ...legend,
    el('text', { x: 80, y: 570, fill: '#57606a', 'font-size': 26 }, [text('Each claim says how much is known about it. No overall score.')]),
  ]);
  return toHtml(svg, { space: 'svg' });
}

export async function shareCardPng(data: SiteData, view: OperatorView): Promise<Buffer> {
  return sharp(Buffer.from(shareCardSvg(data, view))).png({ compressionLevel: 9 }).toBuffer();
}
