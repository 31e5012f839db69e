// `npm run bench:site`: build time, page weight and interaction speed of the site, for the
// shipped data and for generated data of 10 operators × 5 releases. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { claimDigest, submissionDigest } from '../scripts/lib/digest.ts';
import { openProject } from '../scripts/lib/project.ts';
import { sampleValue } from './sample.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');


/** 10 operators × 5 releases, every feature answered, with notes, evidence and evidence reports. */
async function generated(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-bench-site-'));
  await cp(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
  await cp(join(root, 'features'), join(dir, 'features'), { recursive: true });
  const features = (await openProject(root)).catalogues.get('postgres')!.catalogue.features;
  for (let o = 0; o < 10; o++) {
    const id = `operator-${o}`;
    const folder = join(dir, 'submissions/postgres', id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'operator.yaml'), `# yaml-language-server: $schema=../../../schema/operator.schema.json\nid: ${id}\nname: Operator ${o}\nvendor: Vendor ${o}\nhomepage: https://example.org/${id}\nrepository: https://github.com/example/${id}\nlicense: Apache-2.0\nmaintainers: [someone]\ndocumentation:\n  url: https://example.org/${id}/docs/{major}.{minor}/\n`);
    for (let r = 0; r < 5; r++) {
      const version = `1.${r}.0`;
      const lines = ['# yaml-language-server: $schema=../../../schema/generated/postgres.submission.schema.json', 'catalogue: postgres@1.0.0', `operator: ${id}`, `version: "${version}"`, `released: "2026-0${r + 1}-15"`, 'features:'];
      const claims: Record<string, Record<string, unknown>> = {};
      features.forEach((feature, i) => {
        const seed = o * 7 + r + i;
        if (seed % 9 === 0) return; // some unknowns
        const value = sampleValue(feature, seed);
        const claim: Record<string, unknown> = { value };
        lines.push(`  ${feature.id}:`, `    value: ${JSON.stringify(value)}`);
        const positive = value !== false && !(Array.isArray(value) && value.length === 0) && value !== 0;
        if (positive && seed % 5 === 1) {
          claim['support'] = 'partial';
          lines.push('    support: partial', '    notes: Works only with the optional component enabled; see the linked section for the limits that apply.');
        }
        if (positive) {
          claim['evidence'] = [{ title: feature.name, url: `https://example.org/${id}/docs/1.${r}/${feature.id}/#section` }];
          lines.push('    evidence:', `      - title: ${feature.name}`, `        url: https://example.org/${id}/docs/1.${r}/${feature.id}/#section`);
        }
        claims[feature.id] = claim;
      });
      await writeFile(join(folder, `${version}.yaml`), `${lines.join('\n')}\n`);
      const links = Object.entries(claims).flatMap(([feature, claim], i) =>
        ((claim['evidence'] as { url: string }[] | undefined) ?? []).map((item, index) => ({ feature, index, url: item.url, claim_digest: claimDigest(claim), status: (o + r + i) % 6 === 0 ? 'broken' : 'verified', via: 'http', anchor: 'found', pinned: true })),
      );
      const count = (status: string) => links.filter((l) => l.status === status).length;
      const submission = { catalogue: 'postgres@1.0.0', operator: id, version, features: claims };
      await writeFile(
        join(folder, `${version}.evidence.json`),
        JSON.stringify({ submission: `submissions/postgres/${id}/${version}.yaml`, submission_digest: submissionDigest(submission), operator: id, version, checked_at: '2026-11-20T08:00:00.000Z', mode: 'online', tool: 'ofm bench', links, summary: { links: links.length, verified: count('verified'), broken: count('broken'), not_checkable: 0, with_warnings: 0 } }),
      );
    }
  }
  return dir;
}

function build(data: string, out: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, OFM_DATA_ROOT: data, OFM_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr || run.stdout);
  return performance.now() - start;
}

async function weight(out: string): Promise<{ html: number; css: number; js: number; pages: number }> {
  const html = gzipSync(await readFile(join(out, 'index.html'))).length;
  const page = await readFile(join(out, 'index.html'), 'utf8');
  const assets = [...page.matchAll(/(?:href|src)="\/(_astro\/[^"]+)"/g)].map((m) => m[1]!);
  let css = 0;
  let js = 0;
  const seen = new Set<string>();
  const queue = [...assets];
  while (queue.length) {
    const asset = queue.shift()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    const content = await readFile(join(out, asset));
    if (asset.endsWith('.css')) css += gzipSync(content).length;
    if (asset.endsWith('.js')) {
      js += gzipSync(content).length;
      // Modules the page's scripts import.
      for (const m of content.toString().matchAll(/from"\.\/([^"]+\.js)"|import"\.\/([^"]+\.js)"/g)) queue.push(`_astro/${m[1] ?? m[2]}`);
    }
  }
  const pages = (await readdir(out, { recursive: true })).filter((f) => String(f).endsWith('.html')).length;
  return { html, css, js, pages };
}

async function interactions(out: string): Promise<Record<string, number>> {
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const timings: Record<string, number[]> = { search: [], category: [], operator: [], compareDiff: [] };
  // Time from the input event to the next frame after layout, measured in the page.
  const measure = (selector: string, change: string) =>
    page.evaluate(
      ([sel, how]) =>
        new Promise<number>((resolve) => {
          const element = document.querySelector(sel!) as HTMLInputElement | HTMLSelectElement;
          if (!element) throw new Error(`${sel} not found on ${location.href}`);
          const start = performance.now();
          if (how === 'toggle') (element as HTMLInputElement).checked = !(element as HTMLInputElement).checked;
          else element.value = how === 'clear' ? '' : how!;
          element.dispatchEvent(new Event('input', { bubbles: true }));
          void document.body.offsetHeight;
          requestAnimationFrame(() => resolve(performance.now() - start));
        }),
      [selector, change],
    );
  await page.goto(server.url);
  for (let i = 0; i < 10; i++) {
    timings.search!.push(await measure('input[name="q"]', i % 2 ? 'clear' : 'backup'));
    timings.category!.push(await measure('select[name="category"]', i % 2 ? '' : 'harp'));
    timings.operator!.push(await measure('input[name="operators"]', 'toggle'));
  }
  await page.goto(`${server.url}compare/?operators=operator-0,operator-1,operator-2`);
  for (let i = 0; i < 10; i++) timings.compareDiff!.push(await measure('input[name="diff"]', 'toggle'));
  await browser.close();
  await server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)]));
}

const lines = [`Node ${process.version}`];
// The generated data must be valid, or the site would leave it out and the figures would mean nothing.
async function mustBeValid(data: string): Promise<void> {
  const { validate } = await import('../scripts/commands/validate.ts');
  const result = await validate({ paths: [], format: 'text', cwd: data });
  if (result.exitCode !== 0) throw new Error(`Generated data is invalid:\n${result.stdout.slice(0, 2000)}`);
}
for (const [label, data] of [['Shipped data', root], ['Generated: 10 operators x 5 releases', await generated()]] as const) {
  await mustBeValid(data);
  const out = await mkdtemp(join(tmpdir(), 'ofm-bench-out-'));
  const buildMs = build(data, out);
  const w = await weight(out);
  const t = await interactions(out);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  lines.push(
    `${label}: full build ${(buildMs / 1000).toFixed(1)} s for ${w.pages} pages`,
    `  matrix page, gzip: HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)} = ${kb(w.html + w.css + w.js)} (budget 150 KB; JS budget 30 KB)`,
    `  Chromium, input to next frame (median of 10): search ${t['search']!.toFixed(1)} ms, category ${t['category']!.toFixed(1)} ms, operator toggle ${t['operator']!.toFixed(1)} ms, compare "only differences" ${t['compareDiff']!.toFixed(1)} ms (budget 50 ms)`,
  );
  await rm(out, { recursive: true, force: true });
  if (data !== root) await rm(data, { recursive: true, force: true });
}
process.stdout.write(`${lines.join('\n')}\n`);
