import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start real processes; give slow machines room without hiding hangs.
    testTimeout: 30_000,
    // One worker per core: Vitest's default leaves one core idle, which on a 2-core machine
    // runs the files one at a time (most of them wait on processes, not on the processor).
    maxWorkers: availableParallelism(),
  },
});
