#!/usr/bin/env node
// `npm start`: validate the data, build the site, serve it on 127.0.0.1 and print the address.
// `npm run build`: validate and build only. `npm run dev`: serve, and rebuild on every change.
// Builds go to a new folder that then replaces dist/ (or OFM_SITE_OUT), so a running server
// serves the last complete build, never a half-written one.
import { spawn } from 'node:child_process';
import { watch as fsWatch } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toReport } from './lib/diagnostic.ts';
import { openProject } from './lib/project.ts';
import { formatReport } from './lib/reporters/index.ts';
import { VERDICT_RULES } from './lib/rules/index.ts';
import { dataFiles, validateFiles } from './lib/validate.ts';
import { serveStatic } from './lib/static-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serve = !process.argv.includes('--build-only');

const out = resolve(root, process.env['OFM_SITE_OUT'] ?? 'dist');

/** Validates the data and builds the site into a new folder, then swaps it in: a server never sees half a build. */
async function build(): Promise<boolean> {
  const project = await openProject(resolve(process.env['OFM_DATA_ROOT'] ?? root));
  const files = await dataFiles(project, []);
  const results = await validateFiles(project, files);
  const report = toReport(results.flatMap((r) => r.diagnostics), files.length);
  const sources = new Map(results.flatMap((r) => (r.text !== undefined && r.diagnostics.length > 0 ? [[r.file, r.text] as const] : [])));
  process.stdout.write(formatReport('text', report, { sources, color: process.stdout.isTTY === true }));
  // A claim contradicted by a conformance run is content the site shows, not broken data.
  if (report.findings.some((f) => f.severity === 'error' && !VERDICT_RULES.has(f.rule))) {
    process.stderr.write('The data has errors: fix them (see above) and run this again.\n');
    return false;
  }
  const next = `${out}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OFM_SITE_OUT: next } });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) {
    await rm(next, { recursive: true, force: true });
    process.stderr.write('The site did not build (see above).\n');
    return false;
  }
  const old = `${out}.old-${process.pid}`;
  await rename(out, old).catch(() => undefined);
  await rename(next, out);
  await rm(old, { recursive: true, force: true });
  return true;
}

const watch = process.argv.includes('--watch');
const built = await build();
if (!serve) {
  if (built) process.stdout.write(`Built the site in ${out}\n`);
  process.exit(built ? 0 : 1);
}
if (!built && !watch) process.exit(1);
const server = await serveStatic(out, Number(process.env['PORT'] ?? 4321), process.env['OFM_SITE_BASE'] ?? '/');
process.stdout.write(`\nThe site is at ${server.url}\n${watch ? 'It is rebuilt when the data or the site changes. ' : ''}Press Ctrl+C to stop.\n`);
if (watch) {
  // Rebuilds one at a time, after a quiet half second, whatever changed meanwhile.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        process.stdout.write('\nChanged: rebuilding…\n');
        if (await build()) process.stdout.write(`Rebuilt: ${server.url}\n`);
      });
    }, 500);
  };
  for (const folder of ['features', 'submissions', 'site', 'schema']) watchFolder(join(resolve(process.env['OFM_DATA_ROOT'] ?? root), folder), schedule);
}
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function watchFolder(folder: string, onChange: () => void): void {
  try {
    fsWatch(folder, { recursive: true }, onChange);
  } catch {
    // A folder that does not exist in this project has nothing to watch.
  }
}
