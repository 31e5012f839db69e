// The npm package of the `ofm` command, for vendors who check their submissions in their own
// pipelines without a clone of OFM: a standalone bundle of the CLI (no dependencies to install),
// the catalogues it judges by, the schemas with their documentation, and the rules' reference.
// Outside an OFM project the CLI reads the catalogues from the package (project.ts installedRoot).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { bundleCli } from './bundle.ts';
import { cataloguePath, FEATURES_DIR, PUBLISHED_SCHEMA_BASE, PUBLISHED_SITE, SCHEMA_DIR } from './layout.ts';
import { CLI_PACKAGE } from './tool.ts';

export interface BuiltPackage {
  readonly folder: string;
  readonly name: string;
  readonly version: string;
  /** The packages bundled into lib/, as name@version. */
  readonly bundled: string[];
}

export interface PackedPackage {
  readonly tarball: string;
  /** Bytes of the .tgz. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: Array<{ readonly path: string; readonly size: number }>;
}

/** What the package publishes; npm adds package.json, README.md and LICENSE. */
const FILES = ['bin/', 'lib/', `${FEATURES_DIR}/`, `${SCHEMA_DIR}/`, 'docs/', 'THIRD-PARTY-NOTICES.md'];

// Plain JavaScript any Node.js parses, so that an older one says what is wrong instead of failing
// inside the bundle; the bundle itself needs Node.js 24.
const BIN = `#!/usr/bin/env node
// The \`ofm\` command of ${CLI_PACKAGE}: checks the Node.js version, then runs the bundle in lib/.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(\`ofm needs Node.js 24 or later; this is Node.js \${process.version} (\${process.execPath}).\\nInstall Node.js 24 (https://nodejs.org/) or put it first on PATH, and run it again.\\n\`);
  process.exit(2);
}
// Node keeps the compiled bundle between runs (NODE_COMPILE_CACHE, or its folder in the temporary directory).
import('node:module')
  .then(({ default: module }) => {
    if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.();
    return import('../lib/cli.js');
  })
  .catch((cause) => {
    process.stderr.write(\`ofm could not start: \${cause instanceof Error ? cause.message : String(cause)}\\n\`);
    process.exit(2);
  });
`;

function readme(version: string, catalogues: readonly string[]): string {
  return `# ${CLI_PACKAGE}

The \`ofm\` command of the [Operator Feature Matrix](${PUBLISHED_SITE}): check a Kubernetes
operator's feature claims against the OFM catalogues in your own repository and release
pipeline, with the same checks as OFM's own. This release, ${version}, ships the catalogues
${catalogues.join(', ')}. Needs Node.js 24 or later; it installs no other package.

Keep your files in OFM's layout, as in the OFM repository:

\`\`\`
submissions/<technology>/<operator>/operator.yaml     who makes the operator, where its docs are
submissions/<technology>/<operator>/<version>.yaml    what one release supports
\`\`\`

\`\`\`sh
# Write a submission to fill in (and operator.yaml if missing), listing every feature of the catalogue
npx ${CLI_PACKAGE} new --operator <operator> --version <release>
# Check it: each finding gives file:line:column, a rule (docs/rules.md) and how to fix it
npx ${CLI_PACKAGE} validate submissions/postgres/<operator>
# In CI: annotations on the pull request (GitHub Actions), or SARIF, or JSON
npx --yes ${CLI_PACKAGE}@${version} validate --format github submissions
\`\`\`

Exit codes: 0 no errors, 1 errors found, 2 wrong usage. \`ofm help\` lists every command
(\`evidence\` checks the evidence links, and keeps what it found in .ofm-cache/ unless given
\`--no-cache\`; \`conform\` checks claims on a live cluster).

Run in a folder that is not an OFM project, \`ofm\` judges files by the catalogues in this
package (\`features/\`). Editors find the schemas at ${PUBLISHED_SCHEMA_BASE}…;
\`validate\` asks each file to start with its schema line, for example
\`# yaml-language-server: $schema=${PUBLISHED_SCHEMA_BASE}generated/postgres.submission.schema.json\`.
The schemas and what each field means are in \`schema/\`; every rule is in \`docs/rules.md\`.

Licensed under Apache-2.0; the bundled packages' licences are in THIRD-PARTY-NOTICES.md.
`;
}

/** The folder of the package a bundled file came from: …/node_modules/<name> or …/node_modules/@scope/<name>. */
function packageFolder(path: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = path.slice(at + marker.length).split(sep);
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  return join(path.slice(0, at + marker.length), ...name);
}

/** Each bundled package's licence, as its licence file says it (the MIT and BSD licences ask for their notice to be kept). */
async function notices(inputs: readonly string[]): Promise<{ text: string; bundled: string[] }> {
  const folders = [...new Set(inputs.map(packageFolder).filter((f): f is string => f !== undefined))];
  const entries = new Map<string, string>();
  for (const folder of folders) {
    const meta = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license?: unknown; licenses?: Array<{ type?: unknown }> };
    const id = `${meta.name}@${meta.version}`;
    if (entries.has(id)) continue;
    const licenceFiles = (await readdir(folder)).filter((name) => /^(licen[cs]e|copying|notice)/i.test(name)).sort();
    const texts = await Promise.all(licenceFiles.map((name) => readFile(join(folder, name), 'utf8')));
    // Older packages name theirs in a `licenses` list.
    const named = typeof meta.license === 'string' ? [meta.license] : (meta.licenses ?? []).flatMap((l) => (typeof l.type === 'string' ? [l.type] : []));
    const licence = named.length > 0 ? named.join(' OR ') : 'see below';
    entries.set(id, [`## ${id} (${licence})`, '', ...texts.map((t) => ['```', t.trim(), '```', ''].join('\n'))].join('\n'));
  }
  const bundled = [...entries.keys()].sort();
  const text = ['# Third-party notices', '', 'lib/ bundles code from these packages, each under its own licence:', '', ...bundled.map((id) => entries.get(id)!)].join('\n');
  return { text: `${text.trimEnd()}\n`, bundled };
}

/** Why a package cannot be built where asked. */
export class PackageFolderError extends Error {}

/**
 * Builds the package's folder at `out` from the OFM repository at `root`. The folder is emptied
 * first: only when it is empty or holds an earlier build of the package.
 */
export async function buildCliPackage(root: string, out: string): Promise<BuiltPackage> {
  if (existsSync(out) && (await readdir(out)).length > 0) {
    const name = await readFile(join(out, 'package.json'), 'utf8').then((text) => (JSON.parse(text) as { name?: unknown }).name, () => undefined);
    if (name !== CLI_PACKAGE) throw new PackageFolderError(`${out} is not empty and holds no earlier build of ${CLI_PACKAGE}: give another --out.`);
  }
  const rootPackage = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string; license?: string };
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const bundle = await bundleCli({ root, outdir: join(out, 'lib'), standalone: true, minify: true, logLevel: 'warning' });
  // Only the catalogues from features/; every schema, the generated editor schemas and the pages that explain them.
  const catalogues: string[] = [];
  for (const entry of await readdir(join(root, FEATURES_DIR), { withFileTypes: true })) {
    const catalogue = cataloguePath(entry.name);
    if (!entry.isDirectory() || !existsSync(join(root, catalogue))) continue;
    await cp(join(root, catalogue), join(out, catalogue));
    catalogues.push(`${entry.name}@${String((parse(await readFile(join(root, catalogue), 'utf8')) as { version?: unknown } | null)?.version)}`);
  }
  const schemaFile = (name: string) => name.endsWith('.schema.json') || name.endsWith('.md');
  await cp(join(root, SCHEMA_DIR), join(out, SCHEMA_DIR), {
    recursive: true,
    filter: async (source) => {
      const rel = relative(join(root, SCHEMA_DIR), source);
      return rel === '' || rel === 'generated' || (dirname(rel) === '.' && schemaFile(rel)) || (dirname(rel) === 'generated' && rel.endsWith('.schema.json'));
    },
  });
  await mkdir(join(out, 'docs'));
  await cp(join(root, 'docs/rules.md'), join(out, 'docs/rules.md'));
  await cp(join(root, 'LICENSE'), join(out, 'LICENSE'));
  await mkdir(join(out, 'bin'));
  await writeFile(join(out, 'bin/ofm.js'), BIN, { mode: 0o755 });
  const { text, bundled } = await notices(bundle.inputs);
  await writeFile(join(out, 'THIRD-PARTY-NOTICES.md'), text);
  await writeFile(join(out, 'README.md'), readme(rootPackage.version, catalogues.sort()));

  const manifest = {
    name: CLI_PACKAGE,
    version: rootPackage.version,
    description: 'The ofm command of the Operator Feature Matrix: check Kubernetes operator feature claims against the OFM catalogue (validate, new, evidence, conform).',
    keywords: ['kubernetes', 'operator', 'feature-matrix', 'validation', 'cli'],
    homepage: PUBLISHED_SITE,
    // Where the repository's package.json says these, the package says the same.
    ...Object.fromEntries(['repository', 'bugs', 'author'].flatMap((key) => (rootPackage[key] === undefined ? [] : [[key, rootPackage[key]]]))),
    license: rootPackage.license ?? 'Apache-2.0',
    type: 'module',
    bin: { ofm: 'bin/ofm.js' },
    engines: { node: '>=24' },
    files: FILES,
    // Scoped packages are private on the registry unless published as public.
    publishConfig: { access: 'public' },
  };
  await writeFile(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder: out, name: CLI_PACKAGE, version: rootPackage.version, bundled };
}

/** Runs `npm pack` on the package folder; `npm` is the command that starts npm. */
export async function packCliPackage(folder: string, destination: string, npm: readonly string[]): Promise<PackedPackage> {
  await mkdir(destination, { recursive: true });
  const [command, ...args] = npm;
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(command!, [...args, 'pack', '--json', '--pack-destination', destination], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', (exit) => done({ code: exit, stdout: out, stderr: err }));
  });
  if (code !== 0) throw new Error(`npm pack failed (exit ${code}): ${stderr.trim()}`);
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string; size: number }> }>;
  if (!packed) throw new Error('npm pack named no tarball.');
  // Scoped names become @scope-name-version.tgz without the "@" in recent npm; the file name is npm's.
  return { tarball: join(destination, packed.filename.replace(/^@/, '').replace('/', '-')), size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map(({ path, size }) => ({ path, size })) };
}
