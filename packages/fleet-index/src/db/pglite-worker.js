// @ts-check
// The thread that owns the embedded store. A PGlite query runs synchronously inside WebAssembly,
// so on the main thread a page upsert or a facet count would stall every HTTP request; here it
// stalls only this thread. Plain JavaScript on purpose: a worker is loaded by Node itself, without
// the TypeScript loader (tsx, vitest) of the thread that starts it.
// Protocol: pglite-worker-protocol.ts. The client side: open-pglite.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @typedef {import('./pglite-worker-protocol.ts').WorkerRequest} WorkerRequest */
/** @typedef {import('./pglite-worker-protocol.ts').WorkerOptions} WorkerOptions */
/** @typedef {import('./pglite-worker-protocol.ts').WireError} WireError */
/** @typedef {import('@electric-sql/pglite').Transaction} Transaction */
/**
 * An open transaction: PGlite runs `db.transaction` until `decide` is called with the outcome.
 * @typedef {{ tx?: Transaction, decide: (outcome: 'commit' | 'rollback') => void, done: Promise<void> }} OpenTransaction
 */

/** @param {unknown} error @returns {WireError} */
function toWire(error) {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  /** @type {Record<string, string | number>} */
  const fields = {};
  for (const [key, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { message: error.message, fields };
}

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs only as a worker thread');
/** @type {WorkerOptions} */
const options = workerData;

/** @type {PGlite} */
let db;
try {
  db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
    // `-c` on the command line: `postgresqlconf` would replace the whole file initdb wrote.
    startParams: [...PGlite.defaultStartParams, ...options.settings.flatMap((s) => ['-c', s])],
  });
} catch (error) {
  port.postMessage({ ready: false, error: toWire(error) });
  throw error;
}

/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();
let nextTransaction = 1;

/** Opens a transaction that stays open, on this thread, until `finish` settles it. */
async function begin() {
  const id = nextTransaction++;
  /** @type {(outcome: 'commit' | 'rollback') => void} */
  let decide = () => {};
  /** @type {Promise<'commit' | 'rollback'>} */
  const decided = new Promise((resolve) => {
    decide = resolve;
  });
  /** @type {() => void} */
  let entered = () => {};
  const started = new Promise((resolve) => {
    entered = () => resolve(undefined);
  });
  /** @type {OpenTransaction} */
  const open = { decide, done: Promise.resolve() };
  open.done = db.transaction(async (tx) => {
    open.tx = tx;
    entered();
    if ((await decided) === 'rollback') await tx.rollback();
  });
  // The outcome is reported by `finish`; this only keeps an early failure from going unhandled.
  open.done.catch(() => {});
  transactions.set(id, open);
  try {
    await Promise.race([started, open.done]);
  } catch (error) {
    transactions.delete(id);
    throw error;
  }
  return id;
}

/** @param {number} id @param {'commit' | 'rollback'} outcome */
async function finish(id, outcome) {
  const open = transactions.get(id);
  if (!open) throw new Error(`no open transaction ${id}`);
  transactions.delete(id);
  open.decide(outcome);
  await open.done;
}

/** @param {number | undefined} id @returns {Pick<PGlite, 'query' | 'exec'> | Transaction} */
function runner(id) {
  if (id === undefined) return db;
  const tx = transactions.get(id)?.tx;
  if (!tx) throw new Error(`no open transaction ${id}`);
  return tx;
}

/** @param {WorkerRequest} request */
async function handle(request) {
  switch (request.op) {
    case 'query': {
      const result = await runner(request.tx).query(request.text, [...request.params]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    }
    case 'exec':
      await runner(request.tx).exec(request.text);
      return undefined;
    case 'begin':
      return begin();
    case 'commit':
    case 'rollback':
      return finish(request.tx, request.op);
    case 'close':
      await db.close();
      return undefined;
  }
}

port.on('message', (/** @type {WorkerRequest} */ request) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value }),
    (error) => port.postMessage({ id: request.id, ok: false, error: toWire(error) }),
  );
});
port.postMessage({ ready: true });
