import { migrate } from '../schema/migrate.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';
import type { SqlClient } from './sql-client.ts';

/** Where the index lives: a PostgreSQL server when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface StoreOptions {
  databaseUrl?: string;
  /** A directory, or `memory` for an index that lives as long as the process. */
  dataDir: string;
}

/**
 * Opens the index and brings its schema up to date. Throws a message an operator can act on: the
 * server is unreachable, the directory is taken or corrupt, or the schema is newer than this code.
 * @example const sql = await openStore({ dataDir: 'memory' });
 */
export async function openStore(options: StoreOptions): Promise<SqlClient> {
  const sql = options.databaseUrl
    ? await openPostgres({ url: options.databaseUrl })
    : await openPglite({ dataDir: options.dataDir });
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close().catch(() => {});
    throw error;
  }
  return sql;
}
