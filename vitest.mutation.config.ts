import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.json): the protocol package's own,
// and the client's tests against the emulator. No PostgreSQL: none of them needs the store.
export default defineConfig({
  // Stryker runs this in a sandbox copy whose node_modules link to the original packages: tests
  // that import fc-api by name must reach the sandbox's (mutated) copy instead.
  resolve: {
    alias: { '@fc-fleet/fc-api': fileURLToPath(new URL('packages/fc-api/src/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'packages/fc-api/src/**/*.test.ts',
      'packages/fc-emulator/src/client-contract/**/*.test.ts',
      'apps/bff/src/cursor/**/*.test.ts',
      'apps/bff/src/crypto/**/*.test.ts',
      'apps/bff/src/upstream/**/*.test.ts',
    ],
    testTimeout: 30_000,
  },
});
