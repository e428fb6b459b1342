import { cpus, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { formatDuration } from '../shared/stats.ts';
import {
  type Density,
  firstRowVisible,
  freshPage,
  launchBrowser,
  ROW_HEIGHT,
  VIEWPORT,
} from './web-browser.ts';
import { initialAssets } from './web-bundle.ts';
import { measureFirstRows } from './web-first-rows.ts';
import { goalsTable, type WebResults } from './web-goals.ts';
import { measureHeap } from './web-heap.ts';
import { startLongFrames, stopLongFrames } from './web-long-frames.ts';
import {
  bundleTable,
  firstRowsTable,
  framesTable,
  longFramesTable,
  mb,
  type NamedScroll,
  stallsTable,
} from './web-report.ts';
import { type ScrollPlan, scrollTable } from './web-scroll.ts';
import { startWebServer, WEB_DIST } from './web-server.ts';

// The dashboard in headless Chromium against the real BFF (demo mode, built SPA) on one
// 50,000-function region. Figures are printed beside their goals; nothing here asserts.

const FUNCTIONS = 50_000;
const FIRST_ROW_RUNS = 7;
/** 12,000 px/s over 34 px rows passes 20,000 rows in under a minute if loading keeps up. */
const LONG = {
  rows: 20_000,
  density: 'compact' as Density,
  pxPerSec: 12_000,
  maxMs: 60_000,
  topUpMs: 25_000,
};
const FLING = { pxPerSec: 3_000, ms: 15_000, densities: ['comfortable', 'compact'] as Density[] };

const perSec = (px: number) => `${px.toLocaleString('en-US')} px/s`;
const count = (n: number) => n.toLocaleString('en-US');

async function openLoaded(browser: Browser, baseUrl: string, density: Density) {
  const opened = await freshPage(browser, density);
  await opened.page.goto(`${baseUrl}/`);
  await firstRowVisible(opened.page);
  return opened;
}

async function timedScroll(
  browser: Browser,
  baseUrl: string,
  density: Density,
  plan: Omit<ScrollPlan, 'rowHeight'>,
) {
  const { context, page } = await openLoaded(browser, baseUrl, density);
  await startLongFrames(page);
  const run = await scrollTable(page, { ...plan, rowHeight: ROW_HEIGHT[density] });
  return { context, page, run, long: await stopLongFrames(page) };
}

/** An idle page for the floor, then the long scroll; then loading goes on to the row target for the heap. */
async function measureScrolling(browser: Browser, baseUrl: string) {
  const idle = await timedScroll(browser, baseUrl, LONG.density, { pxPerSec: 0, maxMs: 2000 });
  await idle.context.close();
  const long = await timedScroll(browser, baseUrl, LONG.density, {
    pxPerSec: LONG.pxPerSec,
    maxMs: LONG.maxMs,
    untilRow: LONG.rows,
  });
  // If loading fell behind, jump to the bottom every frame until the target is loaded (untimed).
  const topUp = await scrollTable(long.page, {
    pxPerSec: 1e9,
    maxMs: LONG.topUpMs,
    untilRow: LONG.rows,
    rowHeight: ROW_HEIGHT[LONG.density],
  });
  const heap = await measureHeap(long.page);
  await long.context.close();
  return {
    idle: { name: 'idle page, no scrolling (floor)', run: idle.run, long: idle.long },
    longScroll: {
      name: `${perSec(LONG.pxPerSec)} from a fresh load`,
      run: long.run,
      long: long.long,
      pxPerSec: LONG.pxPerSec,
      rowHeight: ROW_HEIGHT[LONG.density],
    },
    heap: { ...heap, rowsLoaded: topUp.rowsLoaded },
  };
}

async function measureFlings(browser: Browser, baseUrl: string) {
  const flings: WebResults['flings'] = [];
  for (const density of FLING.densities) {
    const fling = await timedScroll(browser, baseUrl, density, { pxPerSec: FLING.pxPerSec, maxMs: FLING.ms });
    await fling.context.close();
    const name = `${density} (${ROW_HEIGHT[density]} px rows)`;
    flings.push({
      name,
      run: fling.run,
      long: fling.long,
      pxPerSec: FLING.pxPerSec,
      rowHeight: ROW_HEIGHT[density],
    });
  }
  return flings;
}

function printResults(r: WebResults, idle: NamedScroll): void {
  console.log(
    `\n### First rows: ${count(FUNCTIONS)} functions, a fresh browser context each, ${r.firstRows.length - 1} warm runs\n`,
  );
  console.log(firstRowsTable(r.firstRows));
  console.log(
    `\n### Frame times scrolling ${LONG.density} rows (${ROW_HEIGHT[LONG.density]} px) toward ${count(LONG.rows)}, pages loading as it goes (cap ${formatDuration(LONG.maxMs)})\n`,
  );
  console.log(framesTable([idle, r.longScroll]));
  console.log(
    '\nlong animation frames; the bench scrolls from a rAF callback, so the style and layout its scrollTop write forces count as "FrameRequestCallback"\n',
  );
  console.log(longFramesTable([idle, r.longScroll]));
  console.log(
    `\n### Loading row on screen at ${perSec(FLING.pxPerSec)} for ${formatDuration(FLING.ms)} from a fresh load\n`,
  );
  console.log(stallsTable(r.flings));
  console.log(`\nthe same at ${perSec(LONG.pxPerSec)} (no goal):\n`);
  console.log(stallsTable([r.longScroll]));
  console.log(`\n${longFramesTable(r.flings)}`);
  console.log(`\n### JS heap with ${count(r.heap.rowsLoaded)} rows loaded\n`);
  console.log(
    `JSHeapUsedSize ${mb(r.heap.usedBytes)}, ${mb(r.heap.usedAfterGcBytes)} after a forced GC; ${count(r.heap.domNodes)} DOM nodes`,
  );
  console.log("\n### Initial bundle: what index.html loads, gzip at zlib's default level\n");
  console.log(bundleTable(r.assets));
}

/** The dashboard's first rows, scrolling frame times, loading rows, heap and bundle size, against goals. */
export async function runWebBench(): Promise<void> {
  const setupStarted = performance.now();
  const server = await startWebServer(FUNCTIONS);
  const browser = await launchBrowser();
  // The figures move with whatever else the machine runs, so the load goes beside them.
  const load = () => `load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs`;
  console.log(
    `\n## Web dashboard: Chromium ${browser.version()} headless, ${VIEWPORT.width}×${VIEWPORT.height}, BFF in-process`,
  );
  console.log(
    `\nset-up ${formatDuration(performance.now() - setupStarted)} (generate ${count(FUNCTIONS)} functions, launch); ${load()} at the start`,
  );
  try {
    const firstRows = await measureFirstRows(browser, server.baseUrl, FIRST_ROW_RUNS);
    const { idle, longScroll, heap } = await measureScrolling(browser, server.baseUrl);
    const flings = await measureFlings(browser, server.baseUrl);
    const results: WebResults = { firstRows, longScroll, flings, heap, assets: initialAssets(WEB_DIST) };
    printResults(results, idle);
    console.log(`\n### Web goals (printed, never asserted); ${load()} at the end\n`);
    console.log(goalsTable(results));
  } finally {
    await browser.close();
    await server.close();
  }
}
