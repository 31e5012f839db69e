#!/usr/bin/env node
// `npm run screenshots`: pictures of the built site for a reviewer — the matrix (also with a
// cell's details open), compare, a feature page and an operator page, at 1440×900 and 390×844,
// in Debian's Chromium. Run `npm run build` first; the files go to screenshots/ (or the folder given).
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './lib/static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = resolve(root, process.env['OFM_SITE_OUT'] ?? 'dist');
const out = resolve(process.argv[2] ?? join(root, 'screenshots'));
if (!existsSync(join(site, 'index.html'))) {
  process.stderr.write(`There is no built site in ${site}: run \`npm run build\` first.\n`);
  process.exit(1);
}
await mkdir(out, { recursive: true });
const server = await serveStatic(site);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const pages: Array<[name: string, path: string]> = [
  ['matrix', ''],
  ['compare', 'compare/?operators=cloudnative-pg,stackgres&diff=1'],
  ['feature', 'features/autfa/'],
  ['operator', 'operators/cloudnative-pg/'],
];
try {
  for (const [size, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport });
    for (const [name, path] of pages) {
      await page.goto(new URL(path, server.url).href);
      await page.screenshot({ path: join(out, `${name}-${size}.png`) });
    }
    // The details of the lowest cell in view, opened.
    await page.goto(server.url);
    const cells = await page.locator('td.cell:visible a').all();
    let lowest = cells[0]!;
    for (const cell of cells) {
      const box = await cell.boundingBox();
      if (box && box.y + box.height <= viewport.height) lowest = cell;
    }
    await lowest.click();
    await page.getByRole('dialog').locator('dl').waitFor();
    await page.screenshot({ path: join(out, `matrix-details-${size}.png`) });
    await page.close();
  }
  process.stdout.write(`Wrote ${pages.length * 2 + 2} screenshots to ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
