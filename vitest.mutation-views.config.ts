import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of a view's journey through the URL
// (stryker.views.config.json): the contract's filters, runtime lifecycle and insight links, and the
// SPA's URL state and insight links, and the BFF's parsing of a view's query. The BFF's route
// tests are not run here: each needs a synced emulator fleet and PostgreSQL, about ten seconds a
// mutant (hours for the set); the query's own unit tests stand in for them.
const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export default defineConfig({
  // Stryker runs this in a sandbox copy whose node_modules link to the original packages: imports
  // by package name must reach the sandbox's (mutated) copies instead.
  resolve: {
    alias: [
      { find: /^@fc-fleet\/fleet-contract$/, replacement: src('packages/fleet-contract/src/index.ts') },
      {
        find: /^@fc-fleet\/fleet-contract\/project-function$/,
        replacement: src('packages/fleet-contract/src/project-function.ts'),
      },
    ],
  },
  test: {
    include: [
      'packages/fleet-contract/src/**/*.test.ts',
      'apps/web/src/lib/**/*.test.{ts,tsx}',
      'apps/web/src/features/insights/**/*.test.{ts,tsx}',
      'apps/bff/src/query/**/*.test.ts',
    ],
    testTimeout: 30_000,
    // Each mutant re-runs the tests that cover it; a fresh worker and module graph per test file
    // made that ~8 s a mutant. These tests keep no state between files (jsdom is set up per file
    // by its environment comment), so one shared worker without isolation is safe and faster.
    pool: 'threads',
    isolate: false,
  },
});
