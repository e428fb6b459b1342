import { expect, type Page, test } from '@playwright/test';
import { CONTROL_PORT } from '../playwright.config.ts';
import { clearFaults, setFaults } from '../support/faults.ts';
import { firstWhere, keysIn } from '../support/fleet.ts';
import { renderedRows } from '../support/table.ts';

// The list comes from the index; the cloud's faults show up where they now happen: in a sync pass
// (the region is named with its error while its last good rows stay) and in the drawer's live read.
test.afterEach(clearFaults);

/** The freshness line of the view and its Refresh button. */
const refreshButton = (page: Page) => page.getByRole('button', { name: /^Refresh/ });
const failedNote = (page: Page, region: string) => page.getByText(new RegExp(`^${region}: last sync failed`));

/** Clicks Refresh and waits for the passes it started to be over (the button is idle again). */
async function refreshAndWait(page: Page): Promise<void> {
  await refreshButton(page).click();
  await expect(refreshButton(page)).toHaveAttribute('aria-busy', 'true');
  await expect(refreshButton(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(refreshButton(page)).toHaveText(/Refresh$/);
}

test('a region that is down is named with its error; its last good rows stay; Refresh after recovery clears it', async ({
  page,
}) => {
  await page.goto('/?region=all');
  await expect(renderedRows(page).first()).toBeVisible();
  await setFaults({ downRegions: ['cn-shanghai'] });
  await refreshButton(page).click();
  const note = failedNote(page, 'cn-shanghai');
  await expect(note).toBeVisible({ timeout: 30_000 });
  await expect(note).toContainText('ServiceUnavailable');
  await expect(note).toContainText(/showing data from \d{2}:\d{2}/);
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e', 'same'));
  // The region's rows are still listed: a failed pass deletes nothing.
  await page.goto('/?region=cn-shanghai');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', keysIn('cn-shanghai')[0] ?? '');
  await expect(failedNote(page, 'cn-shanghai')).toBeVisible();

  await clearFaults();
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e', 'same'));
  await refreshAndWait(page);
  await expect(failedNote(page, 'cn-shanghai')).toHaveCount(0, { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-e2e'))).toBe('same');
});

test('throttling during a pass names Throttling.User for the region while the list still answers', async ({
  page,
}) => {
  await page.goto('/?region=cn-beijing');
  await expect(renderedRows(page).first()).toBeVisible();
  await setFaults({ throttleRate: 1, retryAfterMs: 20 });
  await refreshButton(page).click();
  const note = failedNote(page, 'cn-beijing');
  await expect(note).toContainText('Throttling.User', { timeout: 30_000 });
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', keysIn('cn-beijing')[0] ?? '');
  await clearFaults();
  await refreshAndWait(page);
  await expect(note).toHaveCount(0, { timeout: 30_000 });
});

test('with the cloud slower than its timeout, every view still answers at once from the index', async ({
  page,
}) => {
  await setFaults({ latencyMs: 15_000 });
  const expected = new Set(keysIn('cn-shanghai', (fn) => fn.functionName.startsWith('support-')));
  expect(expected.size).toBeGreaterThan(0);
  await page.goto('/?region=cn-shanghai&prefix=support-&sort=memorySize:desc');
  // Well inside the emulator's 15 s: the rows cannot have come from the cloud.
  await expect(renderedRows(page).first()).toBeVisible({ timeout: 5_000 });
  const keys = await renderedRows(page).evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-row-key') ?? ''),
  );
  expect(keys.filter((k) => !expected.has(k))).toEqual([]);
  await expect(page.getByText(/last sync failed/)).toHaveCount(0);
});

test("the drawer's live read shows the cloud's error with its code; the row itself stays readable", async ({
  page,
}) => {
  const fn = firstWhere('cn-hangzhou', (f) => Boolean(f.vpcConfig?.vpcId), 'a VPC function');
  await setFaults({ serverErrorRate: 1 });
  await page.goto(`/?region=cn-hangzhou&fn=cn-hangzhou/${fn.functionName}`);
  const drawer = page.getByRole('dialog', { name: fn.functionName });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(/Upstream(Unavailable|BadResponse): \S/, { timeout: 30_000 });
  await expect(drawer.getByText('ARN', { exact: true })).toBeVisible();
});

test('a function changed through the emulator appears changed after Refresh, without a reload', async ({
  page,
}) => {
  const fn = firstWhere(
    'cn-beijing',
    (f) => f.functionName.startsWith('a'),
    'a function early in name order',
  );
  await page.goto(`/?region=cn-beijing&prefix=${fn.functionName}`);
  await expect(renderedRows(page).first()).toHaveAttribute(
    'data-row-key',
    `demo/cn-beijing/${fn.functionName}`,
  );
  const res = await fetch(
    `http://127.0.0.1:${CONTROL_PORT}/__emulator/functions/cn-beijing/${fn.functionName}`,
    {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memorySize: 30_720 }),
    },
  );
  expect(res.status).toBe(200);
  try {
    await page.evaluate(() => document.documentElement.setAttribute('data-e2e', 'same'));
    await refreshAndWait(page);
    await expect(renderedRows(page).first()).toContainText('30 GB', { timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-e2e'))).toBe('same');
  } finally {
    // Put it back, so the other journeys see the generated fleet.
    await fetch(`http://127.0.0.1:${CONTROL_PORT}/__emulator/functions/cn-beijing/${fn.functionName}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fn),
    });
    expect((await page.request.post('/api/refresh?region=cn-beijing')).status()).toBe(202);
  }
});
