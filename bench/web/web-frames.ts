import { quantile } from '../shared/stats.ts';
import type { ScrollRun } from './web-scroll.ts';

/** One 60 Hz frame: a frame longer than this missed a display refresh. */
export const FRAME_BUDGET_MS = 1000 / 60;

/** Frame-time figures of a scroll, in milliseconds. */
export interface FrameStats {
  /** Frames drawn; the percentiles are over the gaps between them. */
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over16: number;
  over50: number;
}

/** Times between consecutive frames of a run. */
export function frameDeltas(run: Pick<ScrollRun, 'frameAt'>): number[] {
  return run.frameAt.slice(1).map((at, i) => at - (run.frameAt[i] ?? at));
}

/** p50, p95 and max frame time, and how many frames missed one refresh or ran past 50 ms. */
export function frameStats(run: Pick<ScrollRun, 'frameAt'>): FrameStats {
  const deltas = frameDeltas(run);
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: run.frameAt.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    // A hair of tolerance: rAF timestamps of a steady 60 Hz stream land on 16.6 and 16.7 alike.
    over16: deltas.filter((d) => d > FRAME_BUDGET_MS + 0.5).length,
    over50: deltas.filter((d) => d > 50).length,
  };
}

/** How often, and for how long at a stretch, the user looked at "more…" instead of rows. */
export interface StallStats {
  framesShown: number;
  frames: number;
  /** Share of scrolling time with the loading footer on screen, 0..1. */
  timeShare: number;
  stalls: number;
  longestMs: number;
}

/** Finds the stretches of frames that showed the loading footer; a stretch lasts until a frame without it. */
export function stallStats(run: Pick<ScrollRun, 'frameAt' | 'loadingShown'>): StallStats {
  const { frameAt, loadingShown } = run;
  let stalls = 0;
  let longestMs = 0;
  let shownMs = 0;
  let since: number | undefined;
  for (let i = 0; i < frameAt.length; i++) {
    const at = frameAt[i] ?? 0;
    const next = frameAt[i + 1] ?? at;
    if (loadingShown[i]) {
      shownMs += next - at;
      if (since === undefined) {
        since = at;
        stalls++;
      }
      longestMs = Math.max(longestMs, next - since);
    } else since = undefined;
  }
  const total = (frameAt[frameAt.length - 1] ?? 0) - (frameAt[0] ?? 0);
  return {
    framesShown: loadingShown.filter(Boolean).length,
    frames: loadingShown.length,
    timeShare: total > 0 ? shownMs / total : 0,
    stalls,
    longestMs,
  };
}
