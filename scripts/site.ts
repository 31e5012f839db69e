#!/usr/bin/env node
// `npm start`: validate the data, build the site, serve it on 127.0.0.1 and print the address.
// `npm run build`: validate and build only. Builds go to dist/ (or OFM_SITE_OUT).
import { spawn } from 'node:child_process';
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

const project = await openProject(resolve(process.env['OFM_DATA_ROOT'] ?? root));
const files = await dataFiles(project, []);
const results = await validateFiles(project, files);
const report = toReport(results.flatMap((r) => r.diagnostics), files.length);
const sources = new Map(results.flatMap((r) => (r.text !== undefined && r.diagnostics.length > 0 ? [[r.file, r.text] as const] : [])));
process.stdout.write(formatReport('text', report, { sources, color: process.stdout.isTTY === true }));
// A claim contradicted by a conformance run is content the site shows, not broken data.
if (report.findings.some((f) => f.severity === 'error' && !VERDICT_RULES.has(f.rule))) {
  process.stderr.write('The data has errors: fix them (see above) and run this again.\n');
  process.exit(1);
}

const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const build = spawn(process.execPath, [astro, 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const code = await new Promise<number | null>((done) => build.on('close', done));
if (code !== 0) {
  process.stderr.write('The site did not build (see above).\n');
  process.exit(1);
}
const out = resolve(root, process.env['OFM_SITE_OUT'] ?? 'dist');
if (!serve) {
  process.stdout.write(`Built the site in ${out}\n`);
  process.exit(0);
}
const server = await serveStatic(out, Number(process.env['PORT'] ?? 4321), process.env['OFM_SITE_BASE'] ?? '/');
process.stdout.write(`\nThe site is at ${server.url}\nPress Ctrl+C to stop.\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
