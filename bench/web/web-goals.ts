import { formatTable, quantile } from '../shared/stats.ts';
import type { InitialAsset } from './web-bundle.ts';
import type { FirstRowsRun } from './web-first-rows.ts';
import { frameStats, stallStats } from './web-frames.ts';
import type { HeapFigures } from './web-heap.ts';
import { kb, mb, ms, type PacedScroll } from './web-report.ts';

/** The dashboard's performance goals. */
export const WEB_GOALS = { firstRowsMs: 300, p95FrameMs: 1000 / 60, heapMb: 200, initialJsKb: 150 };

/** Everything the web bench measured. */
export interface WebResults {
  firstRows: FirstRowsRun[];
  longScroll: PacedScroll;
  flings: PacedScroll[];
  heap: HeapFigures & { rowsLoaded: number };
  assets: InitialAsset[];
}

interface GoalRow {
  measure: string;
  value: string;
  goal: string;
  met: boolean;
}

const perSec = (px: number) => `${px.toLocaleString('en-US')} px/s`;

function goalRows(r: WebResults): GoalRow[] {
  const warm = r.firstRows
    .slice(1)
    .map((run) => run.wallMs)
    .sort((a, b) => a - b);
  const firstRows = quantile(warm, 0.5);
  const p95 = frameStats(r.longScroll.run).p95;
  const stalls = r.flings.map((f) => stallStats(f.run));
  const shown = Math.max(0, ...stalls.map((s) => s.framesShown / Math.max(1, s.frames)));
  const longest = Math.max(0, ...stalls.map((s) => s.longestMs));
  const js = r.assets.filter((a) => a.kind === 'js').reduce((sum, a) => sum + a.gzipBytes, 0);
  return [
    {
      measure: 'first rows, warm server: median (p95)',
      value: `${ms(firstRows)} (${ms(quantile(warm, 0.95))})`,
      goal: `< ${WEB_GOALS.firstRowsMs} ms`,
      met: firstRows < WEB_GOALS.firstRowsMs,
    },
    {
      measure: `frame time p95 at ${perSec(r.longScroll.pxPerSec)}`,
      value: ms(p95),
      goal: `< ${WEB_GOALS.p95FrameMs.toFixed(1)} ms`,
      met: p95 < WEB_GOALS.p95FrameMs,
    },
    {
      measure: `loading row at ${perSec(r.flings[0]?.pxPerSec ?? 0)}, worst density`,
      value: `${(shown * 100).toFixed(1)} % of frames, longest ${ms(longest)}`,
      goal: 'never',
      met: shown === 0,
    },
    {
      measure: `JS heap, ${r.heap.rowsLoaded.toLocaleString('en-US')} rows loaded`,
      value: `${mb(r.heap.usedBytes)} (${mb(r.heap.usedAfterGcBytes)} after GC)`,
      goal: `< ${WEB_GOALS.heapMb} MB`,
      met: r.heap.usedBytes < WEB_GOALS.heapMb * 2 ** 20,
    },
    {
      measure: 'initial JS, gzip',
      value: kb(js),
      goal: `< ${WEB_GOALS.initialJsKb} KB`,
      met: js < WEB_GOALS.initialJsKb * 1024,
    },
  ];
}

/** Each goal beside its measured value, labelled PASS or MISS; printed only, never asserted. */
export function goalsTable(results: WebResults): string {
  return formatTable(
    ['measure', 'value', 'goal', ''],
    goalRows(results).map((g) => [g.measure, g.value, g.goal, g.met ? 'PASS' : 'MISS']),
  );
}
