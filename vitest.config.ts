import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start real processes; give slow machines room without hiding hangs.
    testTimeout: 30_000,
  },
});
