import type { Page } from '@playwright/test';

/** The page's JavaScript heap, as scrolling left it and after a full garbage collection. */
export interface HeapFigures {
  usedBytes: number;
  usedAfterGcBytes: number;
  domNodes: number;
}

/**
 * Reads `JSHeapUsedSize` over the DevTools protocol, before and after forcing a collection, so
 * garbage the collector had not reached yet is told apart from what the page really holds.
 * @example const heap = await measureHeap(page);
 */
export async function measureHeap(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const metric = async (name: string) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    };
    const usedBytes = await metric('JSHeapUsedSize');
    await cdp.send('HeapProfiler.collectGarbage');
    return {
      usedBytes,
      usedAfterGcBytes: await metric('JSHeapUsedSize'),
      domNodes: await metric('Nodes'),
    };
  } finally {
    await cdp.detach();
  }
}
