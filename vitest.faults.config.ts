import { defineConfig } from 'vitest/config';

// The long fault runs (killed processes, replicas): `npm run test:faults`, which .ci/run also runs.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
