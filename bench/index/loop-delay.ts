import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay over a stretch of work, in milliseconds. */
export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Measures how late the event loop runs while `work` runs: what an HTTP request arriving at that
 * moment would wait before its handler starts. Node's histogram records the interval between the
 * ticks of a 10 ms timer, so an idle loop reads about 10 ms: the delay is what exceeds that.
 * @example const [delay, report] = await withLoopDelay(() => runPass(options)); delay.p99Ms;
 */
export async function withLoopDelay<T>(work: () => Promise<T>): Promise<[LoopDelay, T]> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const value = await work();
    histogram.disable();
    const ms = (ns: number) => ns / 1e6;
    return [
      { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) },
      value,
    ];
  } finally {
    histogram.disable();
  }
}
