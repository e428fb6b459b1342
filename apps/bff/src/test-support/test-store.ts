import { randomUUID } from 'node:crypto';
import { lazySqlClient, openStore, type SqlClient } from '@fc-fleet/fleet-index';
import { createDatabase } from '@fc-fleet/fleet-index/test-support/postgres';
import { inject } from 'vitest';

/**
 * A fresh, empty index for one test app, opened on first use: a new database on the PostgreSQL
 * server the test run started (creating one takes milliseconds; PGlite's first open takes
 * seconds). The embedded store is covered by the index package's suite and the browser journeys.
 * @example const sql = lazyTestStore(); await sql.query('select 1');
 */
export function lazyTestStore(): SqlClient {
  let opening: Promise<SqlClient> | undefined;
  let opened: SqlClient | undefined;
  return lazySqlClient({
    kind: 'postgres',
    location: 'test database',
    ensure: () => {
      opening ??= createDatabase(inject('postgresUrl'), `bff_${randomUUID().replaceAll('-', '')}`)
        .then((url) => openStore({ databaseUrl: url, dataDir: 'unused' }))
        .then((sql) => {
          opened = sql;
          return sql;
        });
      return opening;
    },
    opened: () => opened,
  });
}
