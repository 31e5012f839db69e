#!/usr/bin/env node
// `npm run package:cli [-- --out <folder>]`: builds the npm package of the `ofm` command
// (@operator-feature-matrix/ofm) in build/cli/ (or --out) and packs it into a .tgz beside that
// folder, ready for `npm publish <tgz>`.
import { dirname, join, relative, resolve } from 'node:path';
import { fail, repositoryRoot, scriptOptions } from './script.ts';
import { buildCliPackage, packCliPackage, PackageFolderError } from './lib/cli-package.ts';

const root = repositoryRoot;
const args = scriptOptions({ out: { type: 'string' } } as const, 'npm run package:cli -- [--out <folder>]');
const out = resolve(args.out ?? join(root, 'build', 'cli'));
// Under `npm run`, the npm that runs it; otherwise the one on PATH.
const npmCli = process.env['npm_execpath'];
const npm = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, npmCli] : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];

const built = await buildCliPackage(root, out).catch((error: unknown) => (error instanceof PackageFolderError ? fail(error.message, 2) : Promise.reject(error)));
const packed = await packCliPackage(built.folder, dirname(out), npm);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const shown = (path: string) => relative(process.cwd(), path) || '.';
process.stdout.write(
  [
    `Built ${built.name}@${built.version} in ${shown(built.folder)} (${built.bundled.length} packages bundled, none to install).`,
    `Packed ${packed.tarball}: ${packed.files.length} files, ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked.`,
    `Publish it with: npm publish ${shown(packed.tarball)}`,
    '',
  ].join('\n'),
);
