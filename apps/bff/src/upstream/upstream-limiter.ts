/** Options of `createUpstreamLimiter`. */
export interface LimiterOptions {
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls started per second, on average (a token bucket with a burst of one second's worth). */
  ratePerSecond: number;
  now?: () => number;
}

/**
 * Bounds the calls one account makes to the cloud: at most `concurrency` at once and
 * `ratePerSecond` started per second, so that many engineers scrolling stay under the API's
 * throttling limits. Waiting callers are served in order; an aborted caller leaves the queue.
 * @example const limit = createUpstreamLimiter({ concurrency: 4, ratePerSecond: 15 });
 * await limit.run(() => client.listFunctions(q), signal);
 */
export function createUpstreamLimiter(options: LimiterOptions) {
  const now = options.now ?? Date.now;
  const burst = Math.max(1, options.ratePerSecond);
  let tokens = burst;
  let refilledAt = now();
  let active = 0;
  const queue: { start: () => void; signal?: AbortSignal }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - refilledAt) / 1000) * options.ratePerSecond);
    refilledAt = t;
  };
  const pump = () => {
    refill();
    while (queue.length > 0 && active < options.concurrency && tokens >= 1) {
      const next = queue.shift();
      if (!next || next.signal?.aborted) continue;
      tokens -= 1;
      active++;
      next.start();
    }
    if (queue.length > 0 && active < options.concurrency && tokens < 1 && !timer) {
      const wait = Math.ceil(((1 - tokens) / options.ratePerSecond) * 1000);
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, wait);
    }
  };

  return {
    /** Runs `task` when a slot and a rate token are free; rejects with the signal's reason if aborted first. */
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const entry = {
          signal,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            task()
              .then(resolve, reject)
              .finally(() => {
                active--;
                pump();
              });
          },
        };
        const onAbort = () => {
          const index = queue.indexOf(entry);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        pump();
      });
    },
    /** Calls waiting and in flight, for metrics. */
    load: () => ({ waiting: queue.length, active }),
  };
}

/** A limiter made by `createUpstreamLimiter`. */
export type UpstreamLimiter = ReturnType<typeof createUpstreamLimiter>;
