import { expect, type Page, test } from '@playwright/test';
import { keysIn } from '../support/fleet.ts';
import { allLoaded, renderedKeys, renderedRows, scrollToEnd, tableFooter } from '../support/table.ts';

const facet = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Only functions with' }).getByRole('button', { name, exact: true });

const searchOf = (page: Page) => new URL(page.url()).search;

test('a name prefix and the GPU facet filter the table, live in the URL and survive a reload', async ({
  page,
}) => {
  const expected = keysIn(
    'cn-hangzhou',
    (fn) => fn.functionName.startsWith('ml-') && !!fn.gpuConfig?.gpuType,
  );
  expect(expected.length, 'the demo fleet has GPU functions named ml-…').toBeGreaterThan(1);

  await page.goto('/');
  await expect(renderedRows(page).first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Name prefix' }).fill('ml-');
  await expect(page).toHaveURL(/\?prefix=ml-$/);
  await facet(page, 'GPU').click();
  await expect(facet(page, 'GPU')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\?prefix=ml-&has=gpu$/);

  await expect(tableFooter(page)).toHaveText(allLoaded(expected.length));
  expect(await renderedKeys(page)).toEqual(expected);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toContainText(['prefix: ml-', 'has gpu', 'Clear all']);

  await page.reload();
  await expect(tableFooter(page)).toHaveText(allLoaded(expected.length));
  expect(await renderedKeys(page)).toEqual(expected);
  await expect(page.getByRole('searchbox', { name: 'Name prefix' })).toHaveValue('ml-');
  await expect(facet(page, 'GPU')).toHaveAttribute('aria-pressed', 'true');
});

test('a link with invalid and stale parameters explains each, shows rows and cleans the URL', async ({
  page,
}) => {
  await page.goto('/?limit=3&region=mars-1&memoryMin=abc&fn=cn-hangzhou/no-such-fn&tab=bogus');
  const notices = page.getByRole('list', { name: 'Notices' }).getByRole('status');
  const expected = [
    'Ignored the unknown parameter "limit".',
    'Ignored memoryMin: it must be an integer from 0 to 1048576 (got "abc").',
    'Unknown drawer tab "bogus"; showing the overview.',
    'Unknown region mars-1: it is not configured for this account',
    'The function cn-hangzhou/no-such-fn from the link does not exist',
  ];
  for (const text of expected) await expect(notices.filter({ hasText: text })).toHaveCount(1);
  await expect(notices).toHaveCount(expected.length);

  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', keysIn('cn-hangzhou')[0] ?? '');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect.poll(() => searchOf(page)).toBe('');

  await notices
    .filter({ hasText: 'limit' })
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(notices.filter({ hasText: 'limit' })).toHaveCount(0);
  await expect(notices).toHaveCount(expected.length - 1);
});

test('Back after a link to a function that no longer exists returns to the page before it', async ({
  page,
}) => {
  await page.goto('/?q=campaign');
  await expect(renderedRows(page).first()).toBeVisible();
  await page.goto('/?fn=cn-hangzhou/no-such-fn');
  await expect(page.getByRole('status').filter({ hasText: 'does not exist' })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect.poll(() => searchOf(page)).toBe('');
  await page.goBack();
  await expect.poll(() => searchOf(page)).toBe('?q=campaign');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('#search')).toHaveValue('campaign');
});

test('back and forward after changing a filter restore each view', async ({ page }) => {
  const all = keysIn('cn-hangzhou');
  const withVpc = keysIn('cn-hangzhou', (fn) => !!fn.vpcConfig?.vpcId);
  const firstScreen = async () => (await renderedKeys(page)).slice(0, 10);

  await page.goto('/');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', all[0] ?? '');
  await facet(page, 'VPC').click();
  await expect(page).toHaveURL(/\?has=vpc$/);
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', withVpc[0] ?? '');
  expect(await firstScreen()).toEqual(withVpc.slice(0, 10));

  await page.goBack();
  await expect.poll(() => searchOf(page)).toBe('');
  await expect(facet(page, 'VPC')).toHaveAttribute('aria-pressed', 'false');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', all[0] ?? '');
  expect(await firstScreen()).toEqual(all.slice(0, 10));

  await page.goForward();
  await expect(page).toHaveURL(/\?has=vpc$/);
  await expect(facet(page, 'VPC')).toHaveAttribute('aria-pressed', 'true');
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', withVpc[0] ?? '');
  expect(await firstScreen()).toEqual(withVpc.slice(0, 10));
});

test('an empty result says so and offers to clear the filters', async ({ page }) => {
  await page.goto('/?q=zzzz-no-match');
  await expect(page.getByTestId('empty-state')).toContainText('No functions match');
  await expect(renderedRows(page)).toHaveCount(0);
  await page.getByTestId('empty-state').getByRole('button', { name: 'Clear all filters' }).click();
  await expect.poll(() => searchOf(page)).toBe('');
  const all = keysIn('cn-hangzhou');
  const seen = await scrollToEnd(page, all.length, { stopAfter: 30 });
  expect(seen).toEqual(all.slice(0, seen.length));
});
