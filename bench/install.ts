// `npm run bench:install -- [<before-ref>] [<after-ref>]`: what installing OFM costs, at two
// commits of this repository: `npm ci` (everything the tests need), `npm ci --omit=dev` (what
// the Action installs) and the command-line package a vendor installs (npm run package:cli),
// each timed with npm's cache warm and measured on disk. A benchmark, not a test: it prints
// numbers and asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [before = 'HEAD~1', after = 'HEAD'] = process.argv.slice(2);
const RUNS = Number(process.env['RUNS'] ?? 3);
// Node.js 24 first on PATH, for npm and for the packages' install scripts.
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
}

async function size(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) total += await size(join(path, entry.name));
  }
  return total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function measure(ref: string): Promise<string[]> {
  const clone = await mkdtemp(join(tmpdir(), 'ofm-install-'));
  try {
    run('git', ['clone', '--quiet', '--no-checkout', root, clone], root);
    run('git', ['checkout', '--quiet', ref], clone);
    const rows: string[] = [];
    for (const [label, args] of [['npm ci', []], ['npm ci --omit=dev', ['--omit=dev']]] as const) {
      const seconds: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await rm(join(clone, 'node_modules'), { recursive: true, force: true });
        const start = performance.now();
        run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', ...args], clone);
        seconds.push((performance.now() - start) / 1000);
      }
      rows.push(`| ${ref} | \`${label}\` | ${mb(await size(join(clone, 'node_modules')))} | ${median(seconds).toFixed(1)} s |`);
    }
    return rows;
  } finally {
    await rm(clone, { recursive: true, force: true });
  }
}

const rows = [...(await measure(before)), ...(await measure(after))];
process.stdout.write(['| Commit | Install | node_modules | Time (median of ' + RUNS + ') |', '| --- | --- | --- | --- |', ...rows, ''].join('\n'));
