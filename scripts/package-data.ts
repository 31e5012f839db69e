#!/usr/bin/env node
// `npm run package:data [-- --version <semver>] [--out <folder>]`: builds the npm package
// @operator-feature-matrix/data from the validated data into build/data/ (or --out), ready for
// `npm publish build/data`. Without --version the version is derived from the catalogue and the
// date of the newest data (docs/data-package.md). The data is read from OFM_DATA_ROOT, like the site.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fail, repositoryRoot, scriptOptions } from './script.ts';
import { loadDataSet } from './lib/dataset.ts';
import { PACKAGE_NAME, PackageVersionError, packageFiles } from './lib/data-package.ts';
import { openProject } from './lib/project.ts';

const root = repositoryRoot;
const args = scriptOptions({ out: { type: 'string' }, version: { type: 'string' } } as const, 'npm run package:data -- [--version <semver>] [--out <folder>]');
const out = resolve(args.out ?? join(root, 'build', 'data'));

// The folder is emptied first: only when it is empty or holds an earlier build of the package.
if (existsSync(out) && (await readdir(out)).length > 0) {
  const name = await readFile(join(out, 'package.json'), 'utf8').then((text) => (JSON.parse(text) as { name?: unknown }).name, () => undefined);
  if (name !== PACKAGE_NAME) fail(`${out} is not empty and holds no earlier build of ${PACKAGE_NAME}: give another --out.`, 2);
}

const project = await openProject(resolve(process.env['OFM_DATA_ROOT'] ?? root));
const { technologies, leftOut } = await loadDataSet(project);
if (leftOut.length > 0) {
  fail(`The data has errors; fix them and run this again:\n${leftOut.map((f) => `  ${f.file}: ${f.errors} error(s); run \`npx ofm validate ${f.file}\`\n`).join('')}`.trimEnd());
}
const files = await packageFiles(technologies, args.version === undefined ? {} : { version: args.version }).catch((error: unknown) => {
  if (error instanceof PackageVersionError) return fail(error.message, 2);
  throw error;
});

await rm(out, { recursive: true, force: true });
let bytes = 0;
for (const file of files) {
  const target = join(out, file.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.content);
  bytes += Buffer.byteLength(file.content);
}
const version = (JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { version: string }).version;
const shown = relative(process.cwd(), out) || '.';
process.stdout.write(`Built ${PACKAGE_NAME}@${version} in ${shown}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB. Publish it with \`npm publish ${shown}\`.\n`);
