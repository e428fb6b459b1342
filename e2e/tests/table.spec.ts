import { expect, test } from '@playwright/test';
import { keysIn, mergedRows, REGIONS, rowKey } from '../support/fleet.ts';
import { renderedKeys, renderedRows, scrollToEnd, tableFooter } from '../support/table.ts';

const hangzhou = keysIn('cn-hangzhou');

test('the first rows are the region’s first functions in name order', async ({ page }) => {
  await page.goto('/');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', hangzhou[0] ?? 'none');
  const onScreen = await renderedKeys(page);
  expect(onScreen.length).toBeGreaterThan(10);
  expect(onScreen).toEqual(hangzhou.slice(0, onScreen.length));
  await expect(tableFooter(page)).toContainText('functions loaded, more');
});

test('scrolling to the very end shows all 1,500 cn-hangzhou functions once each, in order', async ({
  page,
}) => {
  await page.goto('/');
  await expect(renderedRows(page).first()).toBeVisible();
  const seen = await scrollToEnd(page, 1500);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(1500);
  expect(seen).toEqual(hangzhou);
  await expect(tableFooter(page)).toHaveText('All 1,500 functions');
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '1501');
});

test('region "all" merges the three regions into one name order, each row labelled', async ({ page }) => {
  const merged = mergedRows();
  const expected = merged.map((r) => rowKey(r.region, r.fn.functionName));
  await page.goto('/?region=all');
  await expect(page.getByLabel('Regions: All regions')).toBeVisible();
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', expected[0] ?? 'none');

  const firstScreen = merged.slice(0, 15);
  expect(new Set(firstScreen.map((r) => r.region))).toEqual(new Set(REGIONS));
  for (const [i, { region, fn }] of firstScreen.entries()) {
    const row = page.locator(`tr[data-row-key="${rowKey(region, fn.functionName)}"]`);
    await expect(row, `row ${i}`).toHaveAttribute('aria-rowindex', String(i + 2));
    await expect(row.getByRole('gridcell').first()).toHaveText(`${fn.functionName}${region}`);
  }

  // Far enough to cross two page boundaries (pages are 100 rows).
  const seen = await scrollToEnd(page, expected.length, { stopAfter: 250 });
  expect(seen).toEqual(expected.slice(0, seen.length));
});
