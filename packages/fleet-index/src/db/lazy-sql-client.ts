import type { SqlClient } from './sql-client.ts';

/**
 * A SqlClient whose store is opened by `ensure` when first used (and again after `ensure` fails):
 * every call waits for it. `close` closes only a store that was opened.
 * @example const sql = lazySqlClient({ kind: 'postgres', location: 'db', ensure: () => openStore(options) });
 */
export function lazySqlClient(options: {
  kind: SqlClient['kind'];
  location: string;
  /** The open store; called before every call, so it must return the same one once open. */
  ensure: () => Promise<SqlClient>;
  /** The store if it has been opened, for `close`. */
  opened: () => SqlClient | undefined;
  onClose?: () => void;
}): SqlClient {
  const { ensure } = options;
  return {
    kind: options.kind,
    location: options.location,
    query: async (text, params) => (await ensure()).query(text, params),
    exec: async (text) => (await ensure()).exec(text),
    transaction: async (work) => (await ensure()).transaction(work),
    close: async () => {
      await options.opened()?.close();
      options.onClose?.();
    },
  };
}
