import { expect, test } from '@playwright/test';
import { clearFaults, setFaults } from '../support/faults.ts';

test.afterEach(clearFaults);

test('a region that is down is named while the other regions still list; Retry brings it back without a reload', async ({
  page,
}) => {
  // `fcVersion=v2` goes to the cloud and is part of the page-cache key; no other journey lists it.
  await setFaults({ downRegions: ['cn-shanghai'] });
  await page.goto('/?region=all&fcVersion=v2');
  const banner = page.getByRole('alert').filter({ hasText: 'cn-shanghai' });
  await expect(banner).toContainText('is missing from this list');
  await expect(banner).toContainText('ServiceUnavailable');
  await expect(page.locator('tr[data-row-key]').first()).toBeVisible();
  const regions = await page
    .locator('tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => (r.getAttribute('data-row-key') ?? '').split('/')[1]));
  expect(new Set(regions)).toEqual(new Set(['cn-hangzhou', 'cn-beijing']));
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e', 'same'));

  await clearFaults();
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(async () => page.locator('tr[data-row-key*="/cn-shanghai/"]').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-e2e'))).toBe('same');
});

test('throttling on first load is a clear 503 with its code; Retry recovers in place', async ({ page }) => {
  await setFaults({ throttleRate: 1, retryAfterMs: 50 });
  await page.goto('/?region=cn-beijing&prefix=notify-');
  const alert = page.getByRole('alert').filter({ hasText: 'The functions could not be loaded' });
  await expect(alert).toContainText('UpstreamThrottled');
  await expect(alert).toContainText('Throttling.User');
  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('tr[data-row-key]').first()).toBeVisible();
});

test('truncated answers from the cloud are a clear UpstreamBadResponse; Retry recovers in place', async ({
  page,
}) => {
  await setFaults({ truncateRate: 1 });
  await page.goto('/?region=cn-hangzhou&prefix=logistics-');
  const alert = page.getByRole('alert').filter({ hasText: 'The functions could not be loaded' });
  await expect(alert).toContainText('UpstreamBadResponse');
  await expect(alert).toContainText('MalformedResponse');
  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('tr[data-row-key]').first()).toBeVisible();
});

test('a latency spike below the timeout shows the skeleton, then the rows', async ({ page }) => {
  await setFaults({ latencyMs: 2500 });
  await page.goto('/?region=cn-shanghai&prefix=support-');
  await expect(page.getByTestId('table-skeleton')).toBeVisible();
  await expect(page.locator('tr[data-row-key]').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
