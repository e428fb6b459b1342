import type { Browser, Page } from '@playwright/test';
import { firstRowVisible, freshPage } from './web-browser.ts';

/** One navigation to the dashboard, until its first row is visible. */
export interface FirstRowsRun {
  /** `page.goto` until Playwright sees the first row visible, timed in Node. */
  wallMs: number;
  /** The same milestones from the page's own clock, from navigation start. */
  documentMs: number;
  scriptMs: number;
  /** First contentful paint: the header and the skeleton, before any row. */
  firstPaintMs: number;
  /** When the first `/api/functions` request was sent and when its response ended. */
  listStartMs: number;
  listEndMs: number;
  /** The first animation frame after the first row entered the DOM. */
  rowPaintMs: number;
}

/** Records, from navigation start, the first frame after a row entered the DOM. */
const FIRST_ROW_PROBE = `
new MutationObserver((_, observer) => {
  if (!document.querySelector('tr[data-row-key]')) return;
  observer.disconnect();
  requestAnimationFrame((t) => { globalThis.__firstRowPaint = t; });
}).observe(document, { childList: true, subtree: true });`;

async function milestones(page: Page): Promise<Omit<FirstRowsRun, 'wallMs'>> {
  await page.waitForFunction(() => '__firstRowPaint' in globalThis);
  return page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const script = resources.find(
      (r) => r.initiatorType === 'script' && /\/assets\/index-[^/]*\.js$/.test(r.name),
    );
    const list = resources.find((r) => r.name.includes('/api/functions'));
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      documentMs: nav?.responseEnd ?? Number.NaN,
      scriptMs: script?.responseEnd ?? Number.NaN,
      firstPaintMs: paint?.startTime ?? Number.NaN,
      listStartMs: list?.startTime ?? Number.NaN,
      listEndMs: list?.responseEnd ?? Number.NaN,
      rowPaintMs: Number((globalThis as { __firstRowPaint?: number }).__firstRowPaint),
    };
  });
}

/**
 * Opens the dashboard in `runs` fresh browser contexts, one after another, so the first run
 * meets a cold server cache and the rest a warm one; each context starts with an empty HTTP cache,
 * as a first visit does.
 * @example const [cold, ...warm] = await measureFirstRows(browser, server.baseUrl, 8);
 */
export async function measureFirstRows(browser: Browser, baseUrl: string, runs: number) {
  const out: FirstRowsRun[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await freshPage(browser, 'comfortable');
    await context.addInitScript({ content: FIRST_ROW_PROBE });
    // A blank page first starts the tab's renderer process, which a browser that is already
    // open has too; without it the first navigation also times a process launch.
    await page.goto('about:blank');
    const started = performance.now();
    await page.goto(`${baseUrl}/`);
    await firstRowVisible(page);
    const wallMs = performance.now() - started;
    out.push({ wallMs, ...(await milestones(page)) });
    await context.close();
  }
  return out;
}
