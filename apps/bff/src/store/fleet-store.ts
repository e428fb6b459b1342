import type { RegionSync } from '@fc-fleet/fleet-contract';
import { regionStatus, type SqlClient, StoreUnavailableError } from '@fc-fleet/fleet-index';
import type { Account } from '../accounts/account.ts';
import { ApiError } from '../errors.ts';

// SQLSTATE classes and Node socket errors that mean "the store is not there", not "the query is wrong".
const UNAVAILABLE = /^(08|57P0[1-3]|53)|^E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND)$/;

/** Whether an error from the store means it cannot be reached right now. */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

/**
 * The BFF's door to the index: reads that turn an unreachable store into 503 `StoreUnavailable`
 * (never a stack trace), and the freshness of the regions a view covers.
 * @example const store = createFleetStore({ sql, staleAfterMs: 900_000 }); await store.read((sql) => listPage(sql, options));
 */
export function createFleetStore(options: { sql: SqlClient; staleAfterMs: number; now?: () => number }) {
  const { sql } = options;
  const store = {
    sql,
    kind: sql.kind,
    /** Runs reads against the index; an unreachable store becomes `StoreUnavailable`. */
    async read<T>(work: (sql: SqlClient) => Promise<T>): Promise<T> {
      try {
        return await work(sql);
      } catch (error) {
        if (isStoreUnavailable(error))
          throw new ApiError(
            'StoreUnavailable',
            `The fleet index (${sql.kind === 'postgres' ? 'PostgreSQL' : 'embedded'}) cannot be reached; try again shortly.`,
            { 'Retry-After': '5' },
          );
        throw error;
      }
    },
    /** The freshness of every configured (account, region) among those asked for. */
    status(
      reader: SqlClient,
      accounts: readonly Account[],
      regions: readonly string[],
    ): Promise<RegionSync[]> {
      const targets = accounts.flatMap((a) =>
        a.regions.filter((r) => regions.includes(r)).map((region) => ({ account: a.alias, region })),
      );
      return regionStatus(reader, targets, { staleAfterMs: options.staleAfterMs, now: options.now });
    },
    /** True when the store answers a trivial query: what `/readyz` needs. */
    async reachable(): Promise<boolean> {
      try {
        await sql.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
  };
  return store;
}

/** The store made by `createFleetStore`. */
export type FleetStore = ReturnType<typeof createFleetStore>;
