/** How the client retries throttling, 5xx, timeouts and network errors. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff ceiling; doubles with each retry ("full jitter" below it). */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxDelayMs: number;
  /** A server asking to wait longer than this is not retried; its error is returned instead. */
  maxRetryAfterMs: number;
}

/** Defaults suited to an interactive dashboard: a few quick retries, then an honest error. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
};

/**
 * A shared token bucket that stops retry storms: each retry spends `retryCost`, each success
 * refunds `successRefund`, up to `capacity`. Several clients (regions of one account) may share one.
 * @example const budget = createRetryBudget({ capacity: 20 });
 */
export function createRetryBudget(
  options: { capacity?: number; retryCost?: number; successRefund?: number } = {},
) {
  const capacity = options.capacity ?? 50;
  const retryCost = options.retryCost ?? 5;
  const successRefund = options.successRefund ?? 1;
  let tokens = capacity;
  return {
    /** Takes the cost of one retry; false when the budget is spent. */
    tryAcquire(): boolean {
      if (tokens < retryCost) return false;
      tokens -= retryCost;
      return true;
    },
    /** Gives back a little after a success. */
    recordSuccess(): void {
      tokens = Math.min(capacity, tokens + successRefund);
    },
    /** Tokens left, for metrics and tests. */
    available(): number {
      return tokens;
    },
  };
}

/** A retry budget made by `createRetryBudget`. */
export type RetryBudget = ReturnType<typeof createRetryBudget>;

/** Delay before retry number `retry` (1-based): full jitter, never less than the server asked. */
export function backoffDelay(
  retry: number,
  options: RetryOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
