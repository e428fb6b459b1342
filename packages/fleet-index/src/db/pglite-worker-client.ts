import { Worker } from 'node:worker_threads';
import {
  fromWireError,
  type WorkerOptions,
  type WorkerReady,
  type WorkerRequest,
  type WorkerResponse,
} from './pglite-worker-protocol.ts';

type Pending = { resolve: (value: WorkerResponse) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The main thread's end of `pglite-worker.js`: one call, one answer. */
export interface PgliteWorker {
  /** Sends a request; resolves with the worker's value, rejects with its error rebuilt. */
  call(request: WithoutId<WorkerRequest>): Promise<WorkerResponse & { ok: true }>;
  /** Stops the thread at once (after `close`, or when the worker can no longer be trusted). */
  terminate(): Promise<void>;
}

/**
 * Starts the thread that owns PGlite and waits until the store is open. The thread keeps the
 * process alive only while a request is in flight, as PGlite on the main thread never did.
 * @example const worker = await startPgliteWorker({ dataDir: undefined, settings: [] });
 * const { value } = await worker.call({ op: 'query', text: 'select 1 as one', params: [] });
 */
export async function startPgliteWorker(options: WorkerOptions): Promise<PgliteWorker> {
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: options });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | undefined;

  const stop = (error: Error) => {
    stopped ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    worker.unref();
  };
  let onReady = (_message: WorkerReady) => {};
  let onFailure = (_error: Error) => {};
  const onExit = (code: number) => onFailure(new Error(`the index worker exited (${code}) while opening`));
  const ready = new Promise<void>((resolve, reject) => {
    onReady = (message) => (message.ready ? resolve() : reject(fromWireError(message.error)));
    onFailure = reject;
  });
  worker.once('message', onReady).once('error', onFailure).once('exit', onExit);
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // `off`, not `removeAllListeners`: the Worker's own listeners start and stop its message port.
  worker.off('error', onFailure).off('exit', onExit);
  worker.on('message', (message: WorkerResponse) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    waiter.resolve(message);
  });
  worker.on('error', (error) => stop(new Error(`the index worker failed: ${error.message}`)));
  worker.on('exit', (code) => stop(new Error(`the index worker exited (${code})`)));
  worker.unref();

  return {
    async call(request) {
      if (stopped) throw stopped;
      const id = nextId++;
      const answer = new Promise<WorkerResponse>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.ref();
      worker.postMessage({ ...request, id });
      const response = await answer;
      if (!response.ok) throw fromWireError(response.error);
      return response;
    },
    async terminate() {
      stop(new Error('the index is closed'));
      await worker.terminate();
    },
  };
}
