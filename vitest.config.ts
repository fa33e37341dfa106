import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fault runs kill processes and take minutes: they have their own command (npm run test:faults).
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on two cores is one worker, yet most test time is spent waiting on child
    // processes and the database: two workers took the suite from 529 s to 393 s on this machine.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
