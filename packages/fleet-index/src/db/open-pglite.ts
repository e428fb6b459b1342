import { mkdirSync } from 'node:fs';
import { acquireDirectoryLock } from './directory-lock.ts';
import { type PgliteWorker, startPgliteWorker } from './pglite-worker-client.ts';
import type { SqlClient, SqlResult, SqlValue } from './sql-client.ts';

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /** A directory, or `memory` for a store that lives as long as the process. */
  dataDir: string;
  /** Server settings as `name=value`; the defaults suit the index (see `PGLITE_SETTINGS`). */
  settings?: readonly string[];
}

/**
 * Settings for an embedded store of a few hundred thousand functions. The buffer pool is WASM
 * memory, held for the life of the process: 64 MB keeps the narrow facet rows, the dictionary
 * and the hot index pages, and leaves the wide rows to the operating system's cache. `work_mem`
 * covers a facet count's hash tables and a selection's sort in memory.
 */
export const PGLITE_SETTINGS: readonly string[] = ['shared_buffers=64MB', 'work_mem=8MB'];

function client(worker: PgliteWorker, location: string, tx?: number): SqlClient {
  return {
    kind: 'pglite',
    location,
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      const { value } = await worker.call({ op: 'query', text, params, tx });
      return value as SqlResult<Row>;
    },
    async exec(text: string) {
      await worker.call({ op: 'exec', text, tx });
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (tx !== undefined) throw new Error('nested transactions are not supported');
      const { value: id } = await worker.call({ op: 'begin' });
      if (typeof id !== 'number') throw new Error('the index worker did not open a transaction');
      let value: T;
      try {
        value = await work(client(worker, location, id));
      } catch (error) {
        await worker.call({ op: 'rollback', tx: id }).catch(() => {});
        throw error;
      }
      await worker.call({ op: 'commit', tx: id });
      return value;
    },
    // Replaced for the store itself; inside a transaction there is nothing to close.
    close: () => Promise.resolve(),
  };
}

/**
 * Opens (or creates) the embedded store: PGlite with `pg_trgm`, in `dataDir` or in memory when
 * `dataDir` is `memory`. PGlite runs in a worker thread, so its queries never block the event loop;
 * a transaction runs on that thread as one unit. A directory is locked for this process: a second
 * process gets a clear error instead of a corrupted index.
 * @example const sql = await openPglite({ dataDir: '.fc-fleet/index' });
 */
export async function openPglite(options: PgliteOptions): Promise<SqlClient> {
  const inMemory = options.dataDir === 'memory';
  let release = () => {};
  if (!inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireDirectoryLock(options.dataDir);
  }
  let worker: PgliteWorker;
  try {
    worker = await startPgliteWorker({
      dataDir: inMemory ? undefined : options.dataDir,
      settings: options.settings ?? PGLITE_SETTINGS,
    });
  } catch (error) {
    release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The index in ${options.dataDir} could not be opened (${reason.slice(0, 200)}). It may be corrupt: stop FC Fleet, move the directory aside and start again to rebuild it from the cloud.`,
    );
  }
  const sql = client(worker, inMemory ? 'memory' : options.dataDir);
  let closing: Promise<void> | undefined;
  const close = async () => {
    try {
      await worker.call({ op: 'close' });
    } finally {
      await worker.terminate();
      release();
    }
  };
  return { ...sql, close: () => (closing ??= close()) };
}
