import { randomUUID } from 'node:crypto';
import { afterEach, inject } from 'vitest';
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

/**
 * Opens stores of one kind for the tests of a `describe` and closes each after its test. Call it
 * inside the `describe`; each call of the function it returns opens a fresh, migrated store.
 * @example const fresh = storesFor(factory); it('…', async () => { const sql = await fresh(); … });
 */
export function storesFor(factory: StoreFactory): () => Promise<SqlClient> {
  const open: SqlClient[] = [];
  afterEach(async () => {
    for (const sql of open.splice(0)) await sql.close();
  });
  return async () => {
    const sql = await factory.open();
    open.push(sql);
    return sql;
  };
}
