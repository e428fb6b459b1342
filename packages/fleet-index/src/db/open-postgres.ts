import pg from 'pg';
import type { SqlClient, SqlValue } from './sql-client.ts';
import { StoreUnavailableError } from './store-errors.ts';

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '******';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

type Runner = Pick<pg.Pool, 'query'> | pg.PoolClient;

function wrap(db: Runner, location: string, rest: Pick<SqlClient, 'transaction' | 'close'>): SqlClient {
  return {
    kind: 'postgres',
    location,
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      const result = await db.query(text, params as unknown[]);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await db.query(text);
    },
    ...rest,
  };
}

/**
 * Connects to a PostgreSQL server (several BFF replicas share one index there). The pool is
 * small: the BFF's queries are short, and a sync pass holds one connection at a time.
 * @example const sql = await openPostgres({ url: 'postgres://fc:pw@db:5432/fcfleet' });
 */
export async function openPostgres(options: { url: string; maxConnections?: number }): Promise<SqlClient> {
  const location = redactUrl(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 8,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server emits here; without a listener the process would exit.
  pool.on('error', () => {});
  const transaction = async <T>(work: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const value = await work(
        wrap(client, location, {
          transaction: () => Promise.reject(new Error('nested transactions are not supported')),
          close: () => Promise.resolve(),
        }),
      );
      await client.query('commit');
      return value;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const sql = wrap(pool, location, { transaction, close: () => pool.end() });
  try {
    await sql.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`PostgreSQL at ${location} is unreachable: ${reason.slice(0, 200)}`);
  }
  return sql;
}
