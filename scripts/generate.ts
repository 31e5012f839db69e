#!/usr/bin/env node
// `npm run generate` writes the derived files; `npm run generate -- --check` only reports stale
// ones (exit 1), for CI.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './lib/generate.ts';
import { openProject } from './lib/project.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale: string[] = [];
for (const file of await generatedFiles(await openProject(root))) {
  const target = join(root, file.path);
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === file.content) continue;
  stale.push(file.path);
  if (!check) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`Stale generated files (run \`npm run generate\`):\n${stale.map((p) => `  ${p}\n`).join('')}`);
  process.exit(1);
}
process.stdout.write(stale.length === 0 ? 'Generated files are up to date.\n' : `Wrote ${stale.join(', ')}\n`);
