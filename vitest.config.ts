import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a private TMPDIR for the run, which must be empty at the end (nothing left in /tmp)
    globalSetup: ['test/private-tmp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real-mode tests each own a private sandbox, so files can run in parallel; two cores.
    maxWorkers: 2,
  },
});
