import type { SqlResult, SqlValue } from './sql-client.ts';

// The messages between `openPglite` (main thread) and `pglite-worker.js` (the thread that owns
// PGlite). Every request carries an id; the worker answers each id once, in any order.

/** What the worker is asked to do. `tx` names an open transaction (from a `begin`). */
export type WorkerRequest =
  | { id: number; op: 'query'; text: string; params: readonly SqlValue[]; tx?: number }
  | { id: number; op: 'exec'; text: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit'; tx: number }
  | { id: number; op: 'rollback'; tx: number }
  | { id: number; op: 'close' };

/** An error as it crosses the thread: the message and PostgreSQL's fields (`code`, `detail`, ...). */
export interface WireError {
  message: string;
  fields: Record<string, string | number>;
}

/** The worker's answer to one request. `value` is a result for `query`, a transaction id for `begin`. */
export type WorkerResponse =
  | { id: number; ok: true; value?: SqlResult<unknown> | number }
  | { id: number; ok: false; error: WireError };

/** What the worker posts once, when PGlite is open (or could not be opened). */
export type WorkerReady = { ready: true } | { ready: false; error: WireError };

/** Options the worker gets as `workerData`. */
export interface WorkerOptions {
  /** A directory, or undefined for a store in memory. */
  dataDir: string | undefined;
  /** Server settings given at start-up, as `name=value` (e.g. `work_mem=16MB`). */
  settings: readonly string[];
}

/**
 * Rebuilds, on the calling thread, an error the worker sent: an `Error` with the same message and
 * PostgreSQL's fields, so callers can still test `error.code === '23505'`.
 * @example throw fromWireError({ message: 'duplicate key', fields: { code: '23505' } });
 */
export function fromWireError(wire: WireError): Error & Record<string, string | number> {
  const error = new Error(wire.message);
  // `name`, `message` and `stack` stay this thread's own.
  const fields = Object.entries(wire.fields).filter(([key]) => !(key in error));
  return Object.assign(error, Object.fromEntries(fields));
}
