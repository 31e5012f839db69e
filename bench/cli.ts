// `npm run bench:cli`: how long the `ofm` command takes to start and answer, with Node.js 24
// started directly (what OFM controls) and through npx (npm's own start-up, reported apart),
// beside a bare `node -e 0`. A benchmark, not a test: it prints numbers and asserts nothing.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { openProject } from '../scripts/lib/project.ts';
import { dataFiles } from '../scripts/lib/validate.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const RUNS = Number(process.env['RUNS'] ?? 7);
const small = 'submissions/postgres/cloudnative-pg/operator.yaml';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(command: string, args: string[], okStatus: readonly number[] = [0, 1]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(command, args, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (!okStatus.includes(run.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
  }
  return median(samples) / 1000;
}

const cli = join(root, 'scripts/ofm.js');
// The floor for the shipped files: js-yaml and the precompiled validators in a bundled program of
// their own, started the same way.
const project = await openProject(root);
const files = await dataFiles(project, []);
const floorDir = await mkdtemp(join(tmpdir(), 'ofm-floor-'));
await build({ entryPoints: [join(root, 'bench/floor.ts')], outfile: join(floorDir, 'floor.mjs'), bundle: true, format: 'esm', platform: 'node', target: 'node24', logLevel: 'warning', banner: { js: "import { createRequire as __floorCreateRequire } from 'node:module'; const require = __floorCreateRequire(import.meta.url);" } });
await cp(join(floorDir, 'floor.mjs'), join(root, 'node_modules/.cache/ofm/floor.mjs'));
const floor = join(root, 'node_modules/.cache/ofm/floor.mjs');
time(node, [cli, '--version']); // builds the CLI bundle if the sources changed
const rows: [string, number][] = [
  ['bare node -e 0', time(node, ['-e', '0'])],
  ['ofm --version', time(node, [cli, '--version'])],
  [`ofm validate ${small}`, time(node, [cli, 'validate', small])],
  [`ofm validate (all ${files.length} shipped files)`, time(node, [cli, 'validate'])],
  [`floor: js-yaml + precompiled Ajv, bundled (same ${files.length} files)`, time(node, [floor, root, ...files], [0])],
  [`npx ofm validate ${small}`, time('npx', ['--no-install', 'ofm', 'validate', small])],
];
console.log(`Node ${process.version}, median of ${RUNS} runs:`);
for (const [label, seconds] of rows) console.log(`  ${label.padEnd(70)} ${seconds.toFixed(3)} s`);
console.log(`  ofm validate of the shipped files takes ${(rows[3]![1] / rows[4]![1]).toFixed(2)}× the floor; one file takes ${(rows[2]![1] / rows[0]![1]).toFixed(1)}× bare Node.`);
await rm(floorDir, { recursive: true, force: true });
await rm(floor, { force: true });
