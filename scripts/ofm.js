#!/usr/bin/env node
// Launcher for the `ofm` command. It is plain JavaScript because it may be started by an older
// system Node.js (npx from a subfolder runs whatever `node` is first on PATH); OFM itself is
// TypeScript that needs Node.js 24, which `npm install` puts in node_modules via the `node` package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, 'cli.ts');
// Node keeps the compiled (and type-stripped) modules here between runs, which halves start-up.
// Files that change are compiled again: the cache is checked against each file's contents.
const compileCache = join(here, '..', 'node_modules', '.cache', 'ofm-compile');

if (Number(process.versions.node.split('.')[0]) >= 24) {
  if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(compileCache);
  await import(cli);
} else {
  const node = join(here, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    process.stderr.write(`ofm needs Node.js 24 or later (this is ${process.version}). Run \`npm install\` in ${join(here, '..')} to get it.\n`);
    process.exit(2);
  }
  const env = { NODE_COMPILE_CACHE: compileCache, ...process.env };
  const child = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (child.error) {
    process.stderr.write(`ofm could not start ${node}: ${child.error.message}\n`);
    process.exit(2);
  }
  process.exit(child.status ?? 1);
}
