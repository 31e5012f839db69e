#!/usr/bin/env node
// Launcher for the `ofm` command. It is plain JavaScript because it may be started by an older
// system Node.js (npx from a subfolder runs whatever `node` is first on PATH); OFM itself is
// TypeScript that needs Node.js 24, which `npm install` puts in node_modules via the `node` package.
//
// Start-up is most of a short run's time, so the launcher runs OFM from a bundle of its sources
// (esbuild, built on first use and whenever a file it was built from or the installed packages
// change) with Node's compile cache: one file to load instead of a few hundred. Without esbuild,
// or if the bundle cannot be built, it runs the sources directly; OFM_NO_BUNDLE=1 does the same.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(here, 'cli.ts');
const cache = join(root, 'node_modules', '.cache', 'ofm');

// What the bundle was built from: OFM's own files (sources, schemas, package.json) by size and
// time, and npm's record of node_modules for the packages. Any change means a new bundle.
const MANIFEST = join(cache, 'bundle.json');
const PACKAGES = [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')];

const stamp = (path) => {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** The bundle built from the files as they are now, if there is one. */
function currentBundle() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const entry = join(cache, manifest.folder, 'cli.js');
    return Object.entries(manifest.inputs).every(([path, seen]) => stamp(path) === seen) && existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle's entry point, built if missing or out of date; undefined when it cannot be had. */
async function bundledCli() {
  if (process.env.OFM_NO_BUNDLE) return undefined;
  const current = currentBundle();
  if (current) return current;
  try {
    // How it is built is shared with the npm package (scripts/package-cli.ts); it fails to load without esbuild.
    const { bundleCli } = await import('./lib/bundle.ts');
    mkdirSync(cache, { recursive: true });
    const staging = join(cache, `staging-${process.pid}`);
    const bundle = await bundleCli({ root, outdir: staging });
    const inputs = {};
    for (const path of bundle.inputs) {
      if (!path.includes(`${sep}node_modules${sep}`)) inputs[path] = stamp(path);
    }
    // How it was built counts too.
    for (const path of [...PACKAGES, join(here, 'lib', 'bundle.ts')]) inputs[path] = stamp(path);
    // Named by what it was built from: OFM caches results under this name (BUILD_ID in lib/tool.ts).
    const folder = `bundle-${createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16)}`;
    try {
      renameSync(staging, join(cache, folder));
    } catch {
      // Another run built the same bundle first: use theirs.
      rmSync(staging, { recursive: true, force: true });
    }
    const written = `${MANIFEST}.${process.pid}`;
    writeFileSync(written, JSON.stringify({ folder, inputs }));
    renameSync(written, MANIFEST);
    // Bundles of earlier files, left an hour in case a run that started before still reads one.
    for (const name of readdirSync(cache)) {
      const path = join(cache, name);
      if (/^(bundle|staging)-/.test(name) && name !== folder && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
    return join(cache, folder, 'cli.js');
  } catch {
    return undefined;
  }
}

if (Number(process.versions.node.split('.')[0]) >= 24) {
  // Node keeps compiled modules here between runs; files that change are compiled again.
  if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(join(cache, 'compile'));
  const entry = await bundledCli();
  await import(entry ? pathToFileURL(entry).href : cli);
} else {
  const node = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    process.stderr.write(`ofm needs Node.js 24 or later (this is ${process.version}). Run \`npm install\` in ${root} to get it.\n`);
    process.exit(2);
  }
  const child = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) {
    process.stderr.write(`ofm could not start ${node}: ${child.error.message}\n`);
    process.exit(2);
  }
  process.exit(child.status ?? 1);
}
