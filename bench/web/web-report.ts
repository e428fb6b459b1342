import { formatDuration, formatTable, quantile } from '../shared/stats.ts';
import type { InitialAsset } from './web-bundle.ts';
import type { FirstRowsRun } from './web-first-rows.ts';
import { frameStats, stallStats } from './web-frames.ts';
import type { LongFrames } from './web-long-frames.ts';
import type { ScrollRun } from './web-scroll.ts';

// The web bench's tables. Each prints one measurement; the goals table puts them side by side.

/** A scroll and the long animation frames seen during it. */
export interface NamedScroll {
  name: string;
  run: ScrollRun;
  long: LongFrames;
}

/** A scroll at a known speed over rows of a known height. */
export interface PacedScroll extends NamedScroll {
  pxPerSec: number;
  rowHeight: number;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/** Milestones of the first (cold server cache) navigation beside the warm median and p95. */
export function firstRowsTable(runs: FirstRowsRun[]): string {
  const [cold, ...warm] = runs;
  const row = (name: string, pick: (r: FirstRowsRun) => number) => [
    name,
    ms(cold ? pick(cold) : Number.NaN),
    ms(quantile(sorted(warm.map(pick)), 0.5)),
    ms(quantile(sorted(warm.map(pick)), 0.95)),
  ];
  return formatTable(
    ['milestone (page clock, from navigation start)', 'cold server cache', 'warm median', 'warm p95'],
    [
      row('HTML received', (r) => r.documentMs),
      row('JS bundle received', (r) => r.scriptMs),
      row('first paint (header, skeleton)', (r) => r.firstPaintMs),
      row('/api/functions sent', (r) => r.listStartMs),
      row('/api/functions received', (r) => r.listEndMs),
      row('first frame with a row', (r) => r.rowPaintMs),
      row('wall clock: goto -> first row visible', (r) => r.wallMs),
    ],
  );
}

/** Frame-time percentiles and missed frames of each scroll. */
export function framesTable(scrolls: NamedScroll[]): string {
  return formatTable(
    [
      'scroll',
      'elapsed',
      'rows passed',
      'rows loaded',
      'frames',
      'p50',
      'p95',
      'max',
      '> 16.7 ms',
      '> 50 ms',
    ],
    scrolls.map(({ name, run }) => {
      const f = frameStats(run);
      return [
        name,
        formatDuration(run.elapsedMs),
        count(run.rowsPassed),
        count(run.rowsLoaded),
        count(f.frames),
        ms(f.p50),
        ms(f.p95),
        ms(f.max),
        count(f.over16),
        count(f.over50),
      ];
    }),
  );
}

/** Where long frames spent their time, and which callers ran the most script. */
export function longFramesTable(scrolls: NamedScroll[]): string {
  return formatTable(
    [
      'scroll',
      'long frames',
      'total',
      'script',
      'rAF + observers',
      'style, layout, paint',
      'script by caller',
    ],
    scrolls.map(({ name, long }) => [
      name,
      count(long.count),
      ms(long.totalMs),
      ms(long.scriptMs),
      ms(long.callbacksMs),
      ms(long.styleLayoutPaintMs),
      long.byInvoker
        .slice(0, 4)
        .map((s) => `${s.invoker} ${Math.round(s.ms)} ms`)
        .join('; '),
    ]),
  );
}

/** How much of each scroll showed the loading footer instead of rows. */
export function stallsTable(scrolls: PacedScroll[]): string {
  return formatTable(
    [
      'scroll',
      'rows/s',
      'rows passed',
      'frames',
      'frames with loading row',
      'time',
      'stalls',
      'longest',
      'frame p95',
    ],
    scrolls.map(({ name, run, pxPerSec, rowHeight }) => {
      const s = stallStats(run);
      return [
        name,
        count(Math.round(pxPerSec / rowHeight)),
        count(run.rowsPassed),
        count(s.frames),
        `${count(s.framesShown)} (${((s.framesShown / Math.max(1, s.frames)) * 100).toFixed(1)} %)`,
        `${(s.timeShare * 100).toFixed(1)} %`,
        count(s.stalls),
        ms(s.longestMs),
        ms(frameStats(run).p95),
      ];
    }),
  );
}

/** Raw and gzip size of each initial asset, then per kind and overall. */
export function bundleTable(assets: InitialAsset[]): string {
  const sum = (kind: InitialAsset['kind'] | undefined, key: 'bytes' | 'gzipBytes') =>
    assets.filter((a) => kind === undefined || a.kind === kind).reduce((total, a) => total + a[key], 0);
  return formatTable(
    ['file', 'raw', 'gzip'],
    [
      ...assets.map((a) => [a.path, kb(a.bytes), kb(a.gzipBytes)]),
      ['total JS', kb(sum('js', 'bytes')), kb(sum('js', 'gzipBytes'))],
      ['total CSS', kb(sum('css', 'bytes')), kb(sum('css', 'gzipBytes'))],
      ['total', kb(sum(undefined, 'bytes')), kb(sum(undefined, 'gzipBytes'))],
    ],
  );
}
