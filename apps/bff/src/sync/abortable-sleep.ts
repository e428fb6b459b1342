/**
 * Waits `ms`, or less when `signal` aborts or `wake.fn()` is called (a refresh wakes a loop).
 * Whichever ends it, the sleep leaves no listener on the signal behind: a loop sleeps thousands
 * of times on one signal.
 * @example const wake = {}; await sleep(15_000, stopper.signal, wake); // wake.fn?.() ends it early
 */
export function sleep(ms: number, signal: AbortSignal, wake: { fn?: () => void } = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wake.fn = done;
    signal.addEventListener('abort', done, { once: true });
  });
}
