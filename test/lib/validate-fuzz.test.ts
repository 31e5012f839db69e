// Mutated submissions (bytes flipped, files cut short, tags, aliases, merge keys, encodings,
// control characters, deep nesting, huge scalars, values of the wrong shape…) through validation
// in-process: each gets an answer with a place for every finding, never an internal error, and
// about as fast as a valid file. Set OFM_FUZZ_SEED and OFM_FUZZ_COUNT to explore further; `npm run
// bench:fuzz` runs more.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzValidate } from '../helpers/fuzz.ts';
import { repoRoot, testProject } from '../helpers/project.ts';

const seed = Number(process.env['OFM_FUZZ_SEED'] ?? 20261203);
const count = Number(process.env['OFM_FUZZ_COUNT'] ?? 250);

describe('validation of mutated submissions', () => {
  it(`answers ${count} mutants of a real submission (seed ${seed}) in bounded time, with a place for every finding`, { timeout: 300_000 }, async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const { cases, validMs, validBytes } = await fuzzValidate(await project.open(), join(project.root, 'submissions/postgres/cloudnative-pg/1.30.0.yaml'), seed, count);

    const failures = cases.filter((c) => c.problems.length > 0).map((c) => `#${c.index} (${c.applied.join(' + ')}): ${c.problems.join('; ')}`);
    expect(failures).toEqual([]);
    // Time per byte, against the valid file's: a mutant of 256 KiB may take longer than the valid
    // 40 KiB, in proportion; a backtracking or quadratic step would take minutes.
    const bound = (bytes: number) => Math.max(20 * validMs * Math.max(1, bytes / validBytes), 1000);
    const slow = cases.filter((c) => c.ms > bound(c.bytes)).map((c) => `#${c.index} (${c.applied.join(' + ')}): ${c.ms.toFixed(0)} ms > ${bound(c.bytes).toFixed(0)} ms, ${c.bytes} bytes`);
    expect(slow, `valid file: ${validMs.toFixed(1)} ms for ${validBytes} bytes`).toEqual([]);
    // The mutations must exercise both outcomes.
    expect(cases.filter((c) => c.errors === 0).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.errors > 0).length).toBeGreaterThan(count / 2);
  });
});
