import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDirectoryLock } from './directory-lock.ts';
import type { SqlClient, SqlValue } from './sql-client.ts';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(db: Queryable, location: string, rest: Pick<SqlClient, 'transaction' | 'close'>): SqlClient {
  return {
    kind: 'pglite',
    location,
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      const result = await db.query<Row>(text, params as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(text: string) {
      await db.exec(text);
    },
    ...rest,
  };
}

/**
 * Opens (or creates) the embedded store: PGlite with `pg_trgm`, in `dataDir` or in memory when
 * `dataDir` is `memory`. A directory is locked for this process: a second process gets a clear
 * error instead of a corrupted index.
 * @example const sql = await openPglite({ dataDir: '.fc-fleet/index' });
 */
export async function openPglite(options: { dataDir: string }): Promise<SqlClient> {
  const inMemory = options.dataDir === 'memory';
  let release = () => {};
  if (!inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireDirectoryLock(options.dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: inMemory ? undefined : options.dataDir, extensions: { pg_trgm } });
  } catch (error) {
    release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The index in ${options.dataDir} could not be opened (${reason.slice(0, 200)}). It may be corrupt: stop FC Fleet, move the directory aside and start again to rebuild it from the cloud.`,
    );
  }
  const location = inMemory ? 'memory' : options.dataDir;
  const close = async () => {
    await db.close();
    release();
  };
  const transaction = <T>(work: (tx: SqlClient) => Promise<T>) =>
    db.transaction((tx) =>
      work(
        wrap(tx, location, {
          transaction: () => Promise.reject(new Error('nested transactions are not supported')),
          close: () => Promise.resolve(),
        }),
      ),
    );
  return wrap(db, location, { transaction, close });
}
