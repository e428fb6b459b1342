import { resolve } from 'node:path';
import { openStore, redactUrl, type SqlClient, StoreUnavailableError } from '@fc-fleet/fleet-index';
import type { BffEnv } from '../env.ts';
import type { Logger } from '../observability/logger.ts';
import { deferredStore } from './deferred-sql.ts';

/** Where the embedded index lives when FC_DATA_DIR is not set (demo mode keeps it in memory). */
export const DEFAULT_DATA_DIR = '.fc-fleet/index';

/**
 * The directory of the embedded index: FC_DATA_DIR, else the default one; none (in memory) in
 * demo mode unless FC_DATA_DIR is set. Not asked when FC_DATABASE_URL is set.
 */
export function embeddedDataDir(env: BffEnv, demo: boolean): string | undefined {
  if (env.FC_DATA_DIR) return resolve(env.FC_DATA_DIR);
  return demo ? undefined : resolve(DEFAULT_DATA_DIR);
}

/**
 * Opens the fleet index the environment asks for: PostgreSQL at FC_DATABASE_URL (the BFF starts
 * even while it is down, answering `StoreUnavailable` until it is up), else PGlite in FC_DATA_DIR
 * (in memory in demo mode unless FC_DATA_DIR is set). A directory that is corrupt, locked by
 * another process or written by a newer FC Fleet throws a message saying what to do.
 * @example const sql = await openIndex(env, { demo: false, logger });
 */
export async function openIndex(env: BffEnv, options: { demo: boolean; logger: Logger }): Promise<SqlClient> {
  if (env.FC_DATABASE_URL) {
    const location = redactUrl(env.FC_DATABASE_URL);
    try {
      const sql = await openStore({ databaseUrl: env.FC_DATABASE_URL, dataDir: 'unused' });
      options.logger.info('fleet index: PostgreSQL', { location });
      return sql;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      options.logger.warn('fleet index: PostgreSQL unreachable; answering StoreUnavailable until it is up', {
        location,
        reason: error.message,
      });
      return deferredStore({ databaseUrl: env.FC_DATABASE_URL, dataDir: 'unused', location });
    }
  }
  const dataDir = embeddedDataDir(env, options.demo) ?? 'memory';
  const sql = await openStore({ dataDir });
  options.logger.info('fleet index: embedded (PGlite)', { location: dataDir });
  return sql;
}
