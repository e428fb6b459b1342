import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's PostgreSQL server: `postgres://postgres@127.0.0.1:<port>/postgres`. */
    postgresUrl: string;
  }
}

/**
 * Vitest globalSetup: one PostgreSQL server for the whole run, published to the test workers as
 * `inject('postgresUrl')` and `process.env.FC_TEST_DATABASE_URL` (workers are forked after this
 * runs and inherit it). The returned teardown stops the server and deletes its directory.
 *
 * @example
 * // vitest.config.ts: test: { globalSetup: ['packages/fleet-index/src/test-support/postgres-global-setup.ts'] }
 * // in a test: const url = await createDatabase(inject('postgresUrl'), 'sync_passes');
 */
export default async function setupPostgres(
  project: Pick<TestProject, 'provide'>,
): Promise<() => Promise<void>> {
  const server = await startPostgresServer({
    log: (line) => {
      if (process.env.FC_TEST_PG_VERBOSE) console.log(line);
    },
  });
  process.env.FC_TEST_DATABASE_URL = server.url;
  project.provide('postgresUrl', server.url);
  return async () => {
    await server.stop();
    delete process.env.FC_TEST_DATABASE_URL;
  };
}
