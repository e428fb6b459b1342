import { expect, type Page, test } from '@playwright/test';
import { clearFaults, setFaults } from '../support/faults.ts';
import { keysIn } from '../support/fleet.ts';
import { allLoaded, renderedByIndex, renderedRows, tableFooter, waitForIdle } from '../support/table.ts';

// Faults are global to the one shared server: whatever happens, the next test gets a healthy cloud.
test.afterEach(clearFaults);

/** The `requestId` of the next failed `/api/functions` answer. */
async function nextFailedListRequestId(page: Page): Promise<string> {
  const response = await page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/functions' && r.status() >= 500,
    { timeout: 30_000 },
  );
  const body: unknown = await response.json();
  const requestId =
    typeof body === 'object' && body !== null && 'requestId' in body ? String(body.requestId) : '';
  expect(requestId).not.toBe('');
  return requestId;
}

/** Marks the document, so a later check can prove the page was not reloaded. */
const markDocument = (page: Page) =>
  page.evaluate(() => document.documentElement.setAttribute('data-e2e', 'same'));
const documentMark = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-e2e'));

test('an upstream outage on first load shows code, message and request id; Retry recovers in place', async ({
  page,
}) => {
  // `prefix` goes to the cloud and is part of the BFF's page-cache key; no other journey lists
  // search-… in cn-shanghai, so this view is not cached and really reaches the failing upstream.
  const expected = keysIn('cn-shanghai', (fn) => fn.functionName.startsWith('search-'));
  await setFaults({ serverErrorRate: 1 });
  const failed = nextFailedListRequestId(page);
  await page.goto('/?region=cn-shanghai&prefix=search-&q=search-');
  const requestId = await failed;

  const alert = page.getByRole('alert').filter({ hasText: 'The functions could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.locator('strong')).toHaveText(/^Upstream[A-Za-z]+$/);
  await expect(alert).toContainText(/: \S.{10,}/);
  await expect(alert).toContainText(`Request id ${requestId}`);
  await expect(renderedRows(page)).toHaveCount(0);

  await markDocument(page);
  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(tableFooter(page)).toHaveText(allLoaded(expected.length));
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', expected[0] ?? '');
  await expect(alert).toBeHidden();
  expect(await documentMark(page)).toBe('same');
});

test('a fault while scrolling keeps the loaded rows, puts the error in the footer, and Retry continues', async ({
  page,
}) => {
  // `fcVersion` is a native filter no other journey uses in cn-beijing: its later pages are uncached.
  const expected = keysIn('cn-beijing', (_fn, stored) => stored.fcVersion === 'v3');
  await page.goto('/?region=cn-beijing&fcVersion=v3');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', expected[0] ?? '');
  await waitForIdle(page);
  await expect(tableFooter(page)).toHaveText(/^[\d,]+ functions loaded, more…$/);
  const grid = page.getByRole('grid');
  const loaded = Number(await grid.getAttribute('aria-rowcount')) - 1;
  expect(loaded).toBeGreaterThanOrEqual(100);

  await setFaults({ serverErrorRate: 1 });
  const failed = nextFailedListRequestId(page);
  await page.getByTestId('table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const requestId = await failed;

  await expect(tableFooter(page)).toContainText(/Loading more failed: Upstream[A-Za-z]+ — \S/);
  await expect(tableFooter(page)).toContainText(`(request ${requestId})`);
  await expect(grid).toHaveAttribute('aria-rowcount', String(loaded + 1));
  const before = await renderedByIndex(page);
  expect(before.map((r) => r.index)).toContain(loaded - 1);
  for (const { index, key } of before) expect(key, `row ${index}`).toBe(expected[index]);

  await markDocument(page);
  await clearFaults();
  await tableFooter(page).getByRole('button', { name: 'Retry' }).click();
  await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBeGreaterThan(loaded);
  await expect(tableFooter(page)).not.toContainText('failed');
  await page.getByTestId('table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await waitForIdle(page);
  const after = await renderedByIndex(page);
  expect(Math.max(...after.map((r) => r.index))).toBeGreaterThan(loaded);
  for (const { index, key } of after) expect(key, `row ${index}`).toBe(expected[index]);
  expect(await documentMark(page)).toBe('same');
});
