// `npm run bench:evidence`: `ofm evidence` beside linkinator, on the same 1,000 links served from
// 127.0.0.1 (good pages, missing anchors, 404s, permanent redirects). Prints time and agreement;
// a benchmark, not a test.
import { createServer } from 'node:http';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check as linkinator, LinkState } from 'linkinator';
import { evidence } from '../scripts/commands/evidence.ts';
import type { Diagnostic } from '../scripts/lib/diagnostic.ts';
import type { EvidenceReport } from '../scripts/lib/generated/evidence-report.ts';
import { openProject } from '../scripts/lib/project.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = 200;
const LINKS = 1000;

const page = (i: number) =>
  `<!doctype html><html><head><title>Page ${i}</title></head><body>${Array.from({ length: 10 }, (_, k) => `<h2 id="s${k}">Section ${k}</h2><p>${'text '.repeat(200)}</p>`).join('')}</body></html>`;

// Every 10th link names a missing anchor, every 20th a page that does not exist, every 25th a
// permanently moved page.
function link(origin: string, n: number): string {
  if (n % 20 === 3) return `${origin}/missing/${n}.html`;
  if (n % 25 === 7) return `${origin}/moved/${n % PAGES}.html#s1`;
  return `${origin}/p/${n % PAGES}.html#s${n % 10 === 5 ? 'x' : n % 10}`;
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const moved = path.match(/^\/moved\/(\d+)\.html$/);
  if (moved) return res.writeHead(301, { location: `/p/${moved[1]}.html` }).end();
  const found = path.match(/^\/p\/(\d+)\.html$/);
  if (found) return res.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(found[1])));
  if (path === '/index.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(index);
  res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const links = Array.from({ length: LINKS }, (_, n) => link(origin, n));
const index = `<!doctype html><html><body>${links.map((l) => `<a href="${l}">x</a>`).join('\n')}</body></html>`;

// A project whose one submission carries the 1,000 links as evidence.
const dir = await mkdtemp(join(tmpdir(), 'ofm-bench-evidence-'));
await cp(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
await cp(join(root, 'features'), join(dir, 'features'), { recursive: true });
await mkdir(join(dir, 'submissions/postgres/bench'), { recursive: true });
const features = (await openProject(root)).catalogues.get('postgres')!.catalogue.features.filter((f) => f.type === 'boolean');
const perFeature = Math.ceil(LINKS / features.length);
const claims = features.map((f, i) => {
  const mine = links.slice(i * perFeature, (i + 1) * perFeature);
  return mine.length ? `  ${f.id}:\n    value: true\n    evidence:\n${mine.map((u) => `      - title: Docs\n        url: "${u}"`).join('\n')}` : '';
});
await writeFile(join(dir, 'submissions/postgres/bench/1.0.0.yaml'), `catalogue: postgres@1.0.0\noperator: bench\nversion: "1.0.0"\nreleased: 2026-01-01\nfeatures:\n${claims.filter(Boolean).join('\n')}\n`);

async function timeOfm(concurrency: number, perHost: number) {
  const start = performance.now();
  const result = await evidence({
    paths: [], format: 'json', cwd: dir, offline: false, docsSources: [], repositories: [], writeReport: false, noCache: true, cacheTtlHours: 24,
    concurrency, perHost, timeoutSeconds: 15, retries: 0, allowAddresses: ['127.0.0.1'],
  });
  const ms = performance.now() - start;
  const findings = (JSON.parse(result.stdout) as { findings: Diagnostic[] }).findings;
  return { ms, findings };
}

async function timeLinkinator(concurrency: number) {
  const start = performance.now();
  const result = await linkinator({ path: `${origin}/index.html`, recurse: false, checkFragments: true, concurrency, redirects: 'allow' });
  const ms = performance.now() - start;
  const broken = new Set(result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => l.url));
  return { ms, broken, checked: result.links.length - 1 };
}

// What each tool calls broken, per link (ofm's warnings, such as permanent redirects, are not broken).
const expectedBroken = new Set(links.filter((l) => l.includes('/missing/') || l.endsWith('#sx')));
const lines = [`Node ${process.version}; ${LINKS} evidence links (${new Set(links).size} distinct URLs) to ${PAGES} pages on 127.0.0.1; median of 3 runs.`];
for (const [label, concurrency, perHost] of [['ofm defaults (8 overall, 2 per host)', 8, 2], ['ofm at 100 / 100 per host', 100, 100]] as const) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await timeOfm(concurrency, perHost));
  const { findings } = runs[0]!;
  const errors = findings.filter((f) => f.severity === 'error');
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
  lines.push(`  ${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${LINKS} evidence entries: ${errors.length} broken, ${findings.length - errors.length} warnings`);
}
const linkinatorRuns = [];
for (let i = 0; i < 3; i++) linkinatorRuns.push(await timeLinkinator(100));
const lk = linkinatorRuns[0]!;
const lkMs = linkinatorRuns.map((r) => r.ms).sort((a, b) => a - b)[1]!;
lines.push(`  ${'linkinator 8 (concurrency 100, fragments)'.padEnd(40)} ${lkMs.toFixed(0).padStart(6)} ms  ${lk.checked} distinct URLs: ${lk.broken.size} broken`);
const lk8 = await timeLinkinator(8);
lines.push(`  ${'linkinator 8 (concurrency 8, fragments)'.padEnd(40)} ${lk8.ms.toFixed(0).padStart(6)} ms  ${lk8.checked} distinct URLs: ${lk8.broken.size} broken`);

// Agreement, URL by URL: what ofm's evidence report calls broken against linkinator's broken links.
await evidence({
  paths: [], format: 'json', cwd: dir, offline: false, docsSources: [], repositories: [], writeReport: true, noCache: true, cacheTtlHours: 24,
  concurrency: 100, perHost: 100, timeoutSeconds: 15, retries: 0, allowAddresses: ['127.0.0.1'],
});
const report = JSON.parse(await readFile(join(dir, 'submissions/postgres/bench/1.0.0.evidence.json'), 'utf8')) as EvidenceReport;
const ofmBroken = new Set(report.links.filter((l) => l.status === 'broken').map((l) => l.url));
const ofmWarned = new Set(report.links.filter((l) => l.status === 'verified' && l.message !== undefined).map((l) => l.url));
const agree = [...expectedBroken].filter((u) => ofmBroken.has(u) && lk.broken.has(u)).length;
const onlyOfm = [...ofmBroken].filter((u) => !lk.broken.has(u)).length;
const onlyLinkinator = [...lk.broken].filter((u) => !ofmBroken.has(u)).length;
lines.push(`Agreement over ${new Set(links).size} distinct URLs (${expectedBroken.size} broken by construction): both tools flag ${agree}; only ofm ${onlyOfm}; only linkinator ${onlyLinkinator}.`);
lines.push(`ofm also warns on the ${ofmWarned.size} permanently redirected URLs, giving the new address; linkinator allows redirects by default.`);

server.close();
await rm(dir, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
