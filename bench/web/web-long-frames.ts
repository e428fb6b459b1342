import type { Page } from '@playwright/test';

/** Milliseconds of long animation frames (over 50 ms) by phase, and the callers that cost the most. */
export interface LongFrames {
  count: number;
  totalMs: number;
  /** Script time in any phase, requestAnimationFrame and observer callbacks included. */
  scriptMs: number;
  /** From the rendering phase's start to style and layout: animation-frame and observer callbacks. */
  callbacksMs: number;
  /** Style, layout and paint at the end of the frame. */
  styleLayoutPaintMs: number;
  /** Script time by what invoked it: `DIV.onscroll`, `FrameRequestCallback`, `TimerHandler:setTimeout`... */
  byInvoker: { invoker: string; ms: number }[];
}

type Tally = Omit<LongFrames, 'byInvoker'> & { byInvoker: Record<string, number>; stop: () => void };
type Script = { duration: number; invoker?: string };
type LongFrameEntry = PerformanceEntry & {
  styleAndLayoutStart: number;
  renderStart: number;
  scripts?: Script[];
};

/**
 * Starts tallying the page's long animation frames, to say which phase a slow frame spent its
 * time in; `stopLongFrames` returns the tally. Without the entry type the tally stays empty.
 * @example await startLongFrames(page); await scrollTable(page, plan); const long = await stopLongFrames(page);
 */
export function startLongFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const tally: Tally = {
      count: 0,
      totalMs: 0,
      scriptMs: 0,
      callbacksMs: 0,
      styleLayoutPaintMs: 0,
      byInvoker: {},
      stop: () => {
        add(observer.takeRecords());
        observer.disconnect();
      },
    };
    const add = (entries: PerformanceEntryList) => {
      for (const entry of entries as LongFrameEntry[]) {
        const end = entry.startTime + entry.duration;
        const style = entry.styleAndLayoutStart || end;
        tally.count++;
        tally.totalMs += entry.duration;
        tally.callbacksMs += Math.max(0, style - (entry.renderStart || end));
        tally.styleLayoutPaintMs += Math.max(0, end - style);
        for (const s of entry.scripts ?? []) {
          tally.scriptMs += s.duration;
          const invoker = s.invoker ?? '?';
          tally.byInvoker[invoker] = (tally.byInvoker[invoker] ?? 0) + s.duration;
        }
      }
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    try {
      observer.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // Not supported: the frame times still stand on their own.
    }
    (globalThis as { __benchLongFrames?: Tally }).__benchLongFrames = tally;
  });
}

/** Stops the tally `startLongFrames` began and returns it, callers by cost. */
export async function stopLongFrames(page: Page): Promise<LongFrames> {
  const tally = await page.evaluate(() => {
    const t = (globalThis as { __benchLongFrames?: Tally }).__benchLongFrames;
    if (!t) return undefined;
    t.stop();
    const { stop: _, ...figures } = t;
    return figures;
  });
  if (!tally) throw new Error('stopLongFrames without startLongFrames');
  const byInvoker = Object.entries(tally.byInvoker)
    .map(([invoker, ms]) => ({ invoker, ms }))
    .sort((a, b) => b.ms - a.ms);
  return { ...tally, byInvoker };
}
