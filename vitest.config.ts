import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'forks',
    // One PostgreSQL server for the run (Debian's, in a temporary directory on a free loopback port).
    globalSetup: ['packages/fleet-index/src/test-support/postgres-global-setup.ts'],
  },
});
