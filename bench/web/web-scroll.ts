import type { Page } from '@playwright/test';

/** How to scroll the function table. */
export interface ScrollPlan {
  pxPerSec: number;
  /** Stop after this long even if `untilRow` was not reached. */
  maxMs: number;
  /** Stop once the viewport's bottom edge has passed this many rows. */
  untilRow?: number;
  rowHeight: number;
}

/** What every frame of a scroll looked like, recorded inside the page. */
export interface ScrollRun {
  /** Each animation frame's time, in milliseconds from the first. */
  frameAt: number[];
  /** Per frame: whether the footer saying more rows are coming was on screen. */
  loadingShown: boolean[];
  elapsedMs: number;
  rowsPassed: number;
  rowsLoaded: number;
}

/**
 * Scrolls `[data-testid="table-scroll"]` from requestAnimationFrame at a steady speed, as a
 * fling would, and records each frame. The position advances from where it is, so when the
 * rows run out it waits at the bottom and carries on when the next page arrives. It reads no
 * layout itself: the footer is watched by an IntersectionObserver and the scroll range is
 * worked out from the row count, so the only layout it forces is the one any scroll does.
 * @example const run = await scrollTable(page, { pxPerSec: 3000, maxMs: 15_000, rowHeight: 48 });
 */
export function scrollTable(page: Page, plan: ScrollPlan): Promise<ScrollRun> {
  return page.evaluate(
    (p) =>
      new Promise<ScrollRun>((resolve, reject) => {
        const box = document.querySelector<HTMLElement>('[data-testid="table-scroll"]');
        const grid = box?.querySelector('table');
        if (!box || !grid) return reject(new Error('no table on the page'));
        const loaded = () => Math.max(0, Number(grid.getAttribute('aria-rowcount') ?? 1) - 1);
        // Header and footer height: what the scroll range holds besides the rows.
        const chrome = box.scrollHeight - loaded() * p.rowHeight;
        const viewport = box.clientHeight;
        let footer: Element | null = null;
        let footerOnScreen = false;
        const sight = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) footerOnScreen = entry.isIntersecting;
          },
          { root: box },
        );
        const watchFooter = () => {
          const current = box.querySelector('[data-testid="table-footer"]');
          if (current === footer) return;
          if (footer) sight.unobserve(footer);
          footer = current;
          footerOnScreen = false;
          if (current) sight.observe(current);
        };
        const frameAt: number[] = [];
        const loadingShown: boolean[] = [];
        let position = box.scrollTop;
        let first = 0;
        let last = 0;
        const finish = (now: number) => {
          sight.disconnect();
          resolve({
            frameAt,
            loadingShown,
            elapsedMs: now - first,
            rowsPassed: Math.floor((position + viewport) / p.rowHeight),
            rowsLoaded: loaded(),
          });
        };
        const frame = (now: number) => {
          if (first === 0) first = now;
          frameAt.push(now - first);
          // What the last frame showed: the footer on screen while it still promises more rows.
          watchFooter();
          loadingShown.push(footerOnScreen && /more…|scanning/.test(footer?.textContent ?? ''));
          const dt = last === 0 ? 0 : now - last;
          last = now;
          const bottom = Math.max(0, loaded() * p.rowHeight + chrome - viewport);
          position = Math.min(position + (p.pxPerSec * dt) / 1000, bottom);
          box.scrollTop = position;
          const passed = (position + viewport) / p.rowHeight;
          if (now - first >= p.maxMs || (p.untilRow !== undefined && passed >= p.untilRow)) finish(now);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    plan,
  );
}
