import { lazySqlClient, openStore, type SqlClient, type StoreOptions } from '@fc-fleet/fleet-index';

/**
 * A PostgreSQL store that may not be up yet: the BFF starts anyway, answers `StoreUnavailable`
 * until the server is reachable, then opens and migrates it on first use, at most one attempt
 * every `retryMs`. Once open, node-postgres reconnects by itself after an outage.
 * @example const sql = deferredStore({ databaseUrl, dataDir: 'unused' }); await sql.query('select 1'); // StoreUnavailableError until it is up
 */
export function deferredStore(
  options: StoreOptions & { location: string; retryMs?: number; now?: () => number },
): SqlClient {
  const now = options.now ?? Date.now;
  let opened: SqlClient | undefined;
  let opening: Promise<SqlClient> | undefined;
  let lastFailure: { at: number; error: unknown } | undefined;
  const ensure = async (): Promise<SqlClient> => {
    if (opened) return opened;
    if (lastFailure && now() - lastFailure.at < (options.retryMs ?? 2_000)) throw lastFailure.error;
    opening ??= openStore(options).then(
      (sql) => {
        opened = sql;
        return sql;
      },
      (error: unknown) => {
        lastFailure = { at: now(), error };
        opening = undefined;
        throw error;
      },
    );
    return opening;
  };
  return lazySqlClient({
    kind: 'postgres',
    location: options.location,
    ensure,
    opened: () => opened,
    onClose: () => {
      opened = undefined;
    },
  });
}
