import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openStore } from '../db/open-store.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { createDatabase } from './postgres-server.ts';

/** A way to open a fresh, migrated, empty store of one kind. */
export interface StoreFactory {
  kind: 'pglite' | 'postgres';
  open(): Promise<SqlClient>;
}

/**
 * The stores every index test runs on: PGlite in memory, and a fresh database on the PostgreSQL
 * server that the test run's global setup started (`postgres-global-setup.ts`).
 */
export function storeFactories(): StoreFactory[] {
  return [
    { kind: 'pglite', open: () => openStore({ dataDir: 'memory' }) },
    {
      kind: 'postgres',
      open: async () => {
        const url = await createDatabase(inject('postgresUrl'), `t_${randomUUID().replaceAll('-', '')}`);
        return openStore({ databaseUrl: url, dataDir: 'unused' });
      },
    },
  ];
}
