// The site as published (OFM_SITE_URL and a base path, as the Pages workflow builds it): canonical
// addresses, a sitemap and Atom feeds of claims by release, read in Chromium; the schemas at their `$id`s.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_SITE } from '../../scripts/lib/layout.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { repoRoot } from '../helpers/project.ts';
import { buildSite, launchChromium, type BuiltSite } from '../helpers/site.ts';

const PUBLIC = 'https://ofm.example.org';
let site: BuiltSite;
let browser: Browser;
beforeAll(async () => {
  site = await buildSite(join(repoRoot, 'test/fixtures/site/submissions'), { OFM_SITE_URL: PUBLIC, OFM_SITE_BASE: '/ofm/' });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const local = (path: string) => new URL(`/ofm/${path}`, site.url).href;

describe('the published site', () => {
  it('names each page by its public address and lists them all in a sitemap', async () => {
    const page = await browser.newPage();
    await page.goto(local('operators/alpha/'));
    await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${PUBLIC}/ofm/operators/alpha/`);
    await expect(page.locator('meta[property="og:url"]').getAttribute('content')).resolves.toBe(`${PUBLIC}/ofm/operators/alpha/`);
    await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'HA & Replication' }).getAttribute('href')).resolves.toBe('#c-harp');
    const sitemap = await (await fetch(local('sitemap-0.xml'))).text();
    expect(sitemap).toContain(`<loc>${PUBLIC}/ofm/features/autfa/</loc>`);
    expect(sitemap).toContain(`<loc>${PUBLIC}/ofm/operators/xss/</loc>`);
    await page.close();
  });

  it('publishes Atom feeds of claims by release, with names from data as text', async () => {
    const page = await browser.newPage();
    await page.goto(local('operators/alpha/'));
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').last().getAttribute('href');
    expect(feedHref).toBe('/ofm/operators/alpha/feed.xml');
    const read = async (path: string) =>
      page.evaluate(async (url) => {
        const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        if (xml.querySelector('parsererror')) return { error: xml.querySelector('parsererror')!.textContent };
        const entries = [...xml.querySelectorAll('entry')].map((entry) => {
          // Titles and summaries are HTML: read them as a feed reader would.
          const html = (selector: string) => new DOMParser().parseFromString(entry.querySelector(selector)?.textContent ?? '', 'text/html');
          const title = html('title');
          return { title: title.body.textContent, scripts: title.querySelectorAll('script').length + html('summary').querySelectorAll('script').length, link: entry.querySelector('link')?.getAttribute('href'), summary: html('summary').body.textContent };
        });
        return { title: xml.querySelector('feed > title')?.textContent, entries };
      }, local(path));
    const alpha = await read('operators/alpha/feed.xml');
    expect(alpha.title).toBe('Alpha Operator: claims by release · OFM');
    expect(alpha.entries?.[0]).toMatchObject({ title: 'Alpha Operator 1.1.0 (3 changes from 1.0.0)', link: `${PUBLIC}/ofm/operators/alpha/changes/1.0.0...1.1.0/` });
    expect(alpha.entries?.[0]?.summary).toContain('Changed: Automated backup management, No → Partial');
    const all = await read('feed.xml');
    const xss = all.entries?.find((e) => e.title?.includes('Xss Operator'));
    expect(xss?.title).toContain("<script>window.__xss = 'name'</script>Xss Operator");
    expect(all.entries?.reduce((n, e) => n + e.scripts, 0)).toBe(0);
    await page.close();
  });

  it('shares each operator page with a picture of its own, drawn safely from hostile names too', async () => {
    const page = await browser.newPage();
    for (const id of ['alpha', 'xss']) {
      await page.goto(local(`operators/${id}/`));
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(image).toBe(`${PUBLIC}/ofm/operators/${id}/card.png`);
      await expect(page.locator('meta[name="twitter:card"]').getAttribute('content')).resolves.toBe('summary_large_image');
      const response = await fetch(local(`operators/${id}/card.png`));
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      // The PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
    await page.close();
  });

  it('serves every schema at the address its $id names', async () => {
    const generated = JSON.parse(await readFile(join(repoRoot, 'schema/generated/postgres.submission.schema.json'), 'utf8')) as { $id: string };
    for (const schema of [...Object.values(schemas), generated]) {
      expect(schema.$id.startsWith(`${PUBLISHED_SITE}schema/v1/`)).toBe(true);
      // Built below /ofm/, as the published site is: the $id's path is the file's path.
      const response = await fetch(local(schema.$id.slice(PUBLISHED_SITE.length)));
      expect(response.status, schema.$id).toBe(200);
      expect(await response.json()).toEqual(schema);
    }
  });
});
