// Timing and table helpers for the benchmarks. They only measure and print; nothing here asserts.

/** How to sample an operation. */
export interface SampleOptions {
  /** Untimed runs first, so the JIT, caches and lazy setup are warm. */
  warmup: number;
  /** Timed samples wanted. */
  samples: number;
  /** Operations inside one sample; a batch keeps the timer's resolution out of tiny operations. */
  opsPerSample?: number;
  /** Stop early once this many milliseconds of timed samples have passed (at least 3 samples). */
  budgetMs?: number;
}

/** Per-operation figures of a set of samples, in milliseconds. */
export interface Summary {
  samples: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  opsPerSec: number;
}

/**
 * Runs `op` in timed samples and returns each sample's time per operation, in milliseconds.
 * @example
 * const perOp = await sample(() => signer.authorization(input, creds), { warmup: 2, samples: 20, opsPerSample: 1000 });
 */
export async function sample(op: () => unknown, options: SampleOptions): Promise<number[]> {
  const batch = options.opsPerSample ?? 1;
  const runBatch = async (): Promise<void> => {
    for (let i = 0; i < batch; i++) {
      // Await only real promises, so a synchronous baseline pays no extra microtask per call.
      const result = op();
      if (result instanceof Promise) await result;
    }
  };
  for (let i = 0; i < options.warmup; i++) await runBatch();
  const perOp: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.samples; i++) {
    const t0 = performance.now();
    await runBatch();
    perOp.push((performance.now() - t0) / batch);
    if (options.budgetMs !== undefined && perOp.length >= 3 && performance.now() - started > options.budgetMs)
      break;
  }
  return perOp;
}

/** Value at quantile `q` (0..1) of sorted values, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Median, p95, mean and operations per second of per-operation times in milliseconds. */
export function summarize(perOpMs: readonly number[]): Summary {
  const sorted = [...perOpMs].sort((a, b) => a - b);
  const meanMs = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    samples: sorted.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    meanMs,
    opsPerSec: meanMs > 0 ? 1000 / meanMs : Number.NaN,
  };
}

/** A duration in the unit that reads best: `12.3 µs`, `4.56 ms`, `7.89 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A rate with thousands separators: `123,456`. */
export function formatRate(perSec: number): string {
  return Number.isFinite(perSec) ? Math.round(perSec).toLocaleString('en-US') : 'n/a';
}

/** A table row for a summary: name, samples, median, p95, mean, rate. */
export function summaryRow(name: string, summary: Summary): string[] {
  return [
    name,
    String(summary.samples),
    formatDuration(summary.medianMs),
    formatDuration(summary.p95Ms),
    formatDuration(summary.meanMs),
    formatRate(summary.opsPerSec),
  ];
}

/**
 * A markdown table with padded columns, ready to paste into an issue.
 * @example
 * console.log(formatTable(['name', 'ops/s'], [['ours', '120,000']]));
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
