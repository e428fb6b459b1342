import { expect, type Locator, type Page } from '@playwright/test';

/** Every row the virtualised table has rendered right now. */
export const renderedRows = (page: Page): Locator => page.locator('tr[data-row-key]');

/** The table's footer: "N functions loaded, more…", "All N functions", or an error with Retry. */
export const tableFooter = (page: Page): Locator => page.getByTestId('table-footer');

/** "All 1,500 functions", as the footer says it once the list is complete. */
export const allLoaded = (count: number): string =>
  count === 1 ? 'The only function' : `All ${count.toLocaleString('en-US')} functions`;

/** The row keys rendered right now, in on-screen order. */
export async function renderedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('tr[data-row-key]')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((row) => row.dataset.rowKey ?? ''),
  );
}

/** The rendered rows as `{ index, key }`: where each sits in the list and which function it is. */
export async function renderedByIndex(page: Page): Promise<{ index: number; key: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('tr[data-row-key]')].map((row) => ({
      index: Number(row.dataset.index),
      key: row.dataset.rowKey ?? '',
    })),
  );
}

/** Waits until no list request is in flight (`<main aria-busy="false">`). */
export async function waitForIdle(page: Page): Promise<void> {
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
}

interface Snapshot {
  rows: { key: string; index: number; top: number }[];
  footer: string;
  atBottom: boolean;
}

/** In the page: wait for two frames, record the rendered rows, then scroll one screen further. */
async function snapshotThenScroll(): Promise<Snapshot> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const scroller = document.querySelector<HTMLElement>('[data-testid="table-scroll"]');
  if (!scroller) return { rows: [], footer: 'no table', atBottom: true };
  const rows = [...scroller.querySelectorAll<HTMLElement>('tr[data-row-key]')].map((row) => ({
    key: row.dataset.rowKey ?? '',
    index: Number(row.dataset.index),
    top: row.getBoundingClientRect().top,
  }));
  const footer =
    scroller.querySelector('[data-testid="table-footer"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
  if (!atBottom) scroller.scrollBy(0, Math.floor(scroller.clientHeight * 0.9));
  return { rows, footer, atBottom };
}

/**
 * Scrolls the table from the top to its very end the way a reader would, one screen at a time,
 * until the footer says all `expectedCount` functions are loaded (or, with `stopAfter`, until that
 * many rows were seen). At every step it checks what is on screen: each row key is rendered once,
 * rows sit in index order without gaps, and an index never changes key.
 * Returns every row key seen, in list order.
 */
export async function scrollToEnd(
  page: Page,
  expectedCount: number,
  options: { stopAfter?: number } = {},
): Promise<string[]> {
  await page.getByTestId('table-scroll').evaluate((el) => el.scrollTo(0, 0));
  const done = allLoaded(expectedCount);
  const stopAfter = options.stopAfter ?? Number.POSITIVE_INFINITY;
  const byIndex = new Map<number, string>();
  const deadline = Date.now() + 90_000;
  for (let step = 0; ; step++) {
    const snap = await page.evaluate(snapshotThenScroll);
    const keys = snap.rows.map((r) => r.key);
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(duplicates, `rows rendered twice at step ${step}`).toEqual([]);
    const onScreen = [...snap.rows].sort((a, b) => a.top - b.top).map((r) => r.index);
    const first = onScreen[0] ?? 0;
    expect(onScreen, `rows out of order or with a gap at step ${step}`).toEqual(
      onScreen.map((_, i) => first + i),
    );
    for (const row of snap.rows) {
      const known = byIndex.get(row.index);
      if (known !== undefined && known !== row.key)
        throw new Error(`row ${row.index} showed ${known}, then ${row.key}`);
      byIndex.set(row.index, row.key);
    }
    if ((snap.atBottom && snap.footer === done) || byIndex.size >= stopAfter) break;
    if (snap.atBottom && !/functions loaded, more…|^Loading…$/.test(snap.footer))
      throw new Error(`reached the bottom, but the footer says "${snap.footer}", not "${done}"`);
    if (Date.now() > deadline) throw new Error(`still not at the end after ${step} steps: "${snap.footer}"`);
    if (snap.atBottom) await page.waitForTimeout(50); // the next page is on its way
  }
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b);
  expect(
    ordered.map(([index]) => index),
    'every index from the first to the last was rendered',
  ).toEqual(ordered.map((_, i) => i));
  return ordered.map(([, key]) => key);
}
