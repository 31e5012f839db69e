// `npm run bench:cli`: how long the `ofm` command takes to start and answer, with Node.js 24
// started directly (what OFM controls) and through npx (npm's own start-up, reported apart),
// beside a bare `node -e 0`. A benchmark, not a test: it prints numbers and asserts nothing.
import { spawnSync } from 'node:child_process';
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

function time(command: string, args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(command, args, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
  }
  return median(samples) / 1000;
}

const cli = join(root, 'scripts/ofm.js');
const rows: [string, number][] = [
  ['bare node -e 0', time(node, ['-e', '0'])],
  ['ofm --version', time(node, [cli, '--version'])],
  [`ofm validate ${small}`, time(node, [cli, 'validate', small])],
  ['ofm validate (all shipped files)', time(node, [cli, 'validate'])],
  [`npx ofm validate ${small}`, time('npx', ['--no-install', 'ofm', 'validate', small])],
];
console.log(`Node ${process.version}, median of ${RUNS} runs:`);
for (const [label, seconds] of rows) console.log(`  ${label.padEnd(70)} ${seconds.toFixed(3)} s`);
