// `npm run bench:fuzz [count] [seed]`: many mutated submissions through validation in-process
// (the suite runs 250 of them): how many were rejected or accepted, whether any got an internal
// error or a finding without a place, and the slowest files. It prints numbers, asserts nothing.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../scripts/lib/project.ts';
import { fuzzValidate } from '../test/helpers/fuzz.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? 1);

const dir = await mkdtemp(join(tmpdir(), 'ofm-fuzz-'));
try {
  for (const folder of ['schema', 'features', 'submissions/postgres/cloudnative-pg']) await cp(join(root, folder), join(dir, folder), { recursive: true });
  const start = performance.now();
  const { cases, validMs, validBytes } = await fuzzValidate(await openProject(dir), join(dir, 'submissions/postgres/cloudnative-pg/1.30.0.yaml'), seed, count);
  const total = (performance.now() - start) / 1000;

  const failed = cases.filter((c) => c.problems.length > 0);
  const rejected = cases.filter((c) => c.errors > 0).length;
  const perMutation = new Map<string, number>();
  for (const c of cases) for (const name of c.applied) perMutation.set(name, (perMutation.get(name) ?? 0) + 1);
  const slowest = [...cases].sort((a, b) => b.ms - a.ms).slice(0, 5);
  // Time per byte against the valid file's (the suite fails a file above 20 times, or 1 s).
  const relative = (c: (typeof cases)[number]) => c.ms / validMs / Math.max(1, c.bytes / validBytes);
  const worst = [...cases].sort((a, b) => relative(b) - relative(a))[0]!;

  console.log(`${count} mutants of submissions/postgres/cloudnative-pg/1.30.0.yaml, seed ${seed}, in ${total.toFixed(1)} s`);
  console.log(`rejected ${rejected}, accepted ${count - rejected}, internal errors or unplaced findings ${failed.length}`);
  console.log(`valid file: ${validMs.toFixed(1)} ms for ${(validBytes / 1024).toFixed(0)} KiB; mutants: median ${[...cases].sort((a, b) => a.ms - b.ms)[Math.floor(count / 2)]!.ms.toFixed(1)} ms`);
  console.log(`worst time per byte: ${relative(worst).toFixed(1)} × the valid file's (${worst.ms.toFixed(0)} ms, ${(worst.bytes / 1024).toFixed(0)} KiB, ${worst.applied.join(' + ')})`);
  console.log('slowest:');
  for (const c of slowest) console.log(`  ${c.ms.toFixed(0)} ms  ${(c.bytes / 1024).toFixed(0)} KiB  ${c.applied.join(' + ')}`);
  console.log(`mutations applied: ${[...perMutation].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  for (const c of failed.slice(0, 10)) console.log(`PROBLEM #${c.index} (${c.applied.join(' + ')}): ${c.problems.join('; ')}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
