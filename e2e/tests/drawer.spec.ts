import { expect, test } from '@playwright/test';
import { functionsIn, keysIn, rowKey } from '../support/fleet.ts';
import { renderedRows, scrollToEnd, tableFooter } from '../support/table.ts';

/** The cards behind FC's GPU types, as Alibaba Cloud documents them. */
const GPU_CARDS: Record<string, { card: string; memoryGb: number }> = {
  'fc.gpu.ampere.1': { card: 'NVIDIA A10', memoryGb: 24 },
};

test('a pasted link to a GPU function opens its drawer on the GPU tab with type and card', async ({
  page,
}) => {
  const hangzhou = functionsIn('cn-hangzhou');
  // Far down the list, so the drawer cannot borrow the row from the first pages the table loads.
  const fn = hangzhou.slice(500).find((f) => f.gpuConfig?.gpuType === 'fc.gpu.ampere.1');
  if (!fn?.gpuConfig?.gpuMemorySize) throw new Error('the demo fleet has no late fc.gpu.ampere.1 function');
  const gib = fn.gpuConfig.gpuMemorySize / 1024;

  await page.goto(`/?fn=cn-hangzhou/${fn.functionName}&tab=gpu`);
  const drawer = page.getByRole('dialog');
  await expect(drawer).toHaveAccessibleName(fn.functionName);
  await expect(drawer.getByRole('tab', { name: 'GPU' })).toHaveAttribute('aria-selected', 'true');
  const panel = drawer.getByRole('tabpanel');
  await expect(panel).toContainText('fc.gpu.ampere.1');
  await expect(panel).toContainText('NVIDIA A10, 24 GB');
  await expect(panel).toContainText(`GPU memory assigned${gib} GB`);
  const card = GPU_CARDS['fc.gpu.ampere.1'];
  await expect(panel).toContainText(`${Math.round((gib / (card?.memoryGb ?? 1)) * 100)} %`);
});

test('the VPC id in the Network tab filters the table to that VPC and closes the drawer', async ({
  page,
}) => {
  const hangzhou = functionsIn('cn-hangzhou');
  const fn = hangzhou.slice(0, 10).find((f) => f.vpcConfig?.vpcId);
  const vpcId = fn?.vpcConfig?.vpcId;
  if (!fn || !vpcId) throw new Error('no VPC function among the first ten');
  const inVpc = keysIn('cn-hangzhou', (f) => f.vpcConfig?.vpcId === vpcId);

  await page.goto('/');
  await page.locator(`tr[data-row-key="${rowKey('cn-hangzhou', fn.functionName)}"]`).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toHaveAccessibleName(fn.functionName);
  await drawer.getByRole('tab', { name: 'Network' }).click();
  await expect(page).toHaveURL(/&tab=network$/);
  await drawer.getByRole('link', { name: vpcId, exact: true }).click();

  await expect(drawer).toBeHidden();
  await expect.poll(() => new URL(page.url()).search).toBe(`?vpcId=${vpcId}`);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`VPC: ${vpcId}`);
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', inVpc[0] ?? '');
  expect(await scrollToEnd(page, inVpc.length)).toEqual(inVpc);
});

test('keyboard: / searches, j/k move, Enter opens, arrows switch tabs, Esc closes and gives focus back', async ({
  page,
}) => {
  const [first, second] = keysIn('cn-hangzhou');
  const firstName = functionsIn('cn-hangzhou')[0]?.functionName ?? '';
  await page.goto('/');
  const row = (key = '') => page.locator(`tr[data-row-key="${key}"]`);
  await expect(row(first)).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.locator('#search')).toBeFocused();

  const table = page.getByTestId('table-scroll');
  await table.focus();
  await page.keyboard.press('j');
  await expect(row(first)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(row(second)).toHaveAttribute('aria-selected', 'true');
  await expect(row(first)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('k');
  await expect(row(first)).toHaveAttribute('aria-selected', 'true');
  await expect(row(second)).toHaveAttribute('aria-selected', 'false');

  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer).toHaveAccessibleName(firstName);
  const overview = drawer.getByRole('tab', { name: 'Overview' });
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await expect(overview).toBeFocused();
  await page.keyboard.press('/'); // the search field is behind the modal: focus stays in the dialog
  await expect(overview).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const network = drawer.getByRole('tab', { name: 'Network' });
  await expect(network).toHaveAttribute('aria-selected', 'true');
  await expect(network).toBeFocused();
  await expect(drawer.getByRole('tabpanel')).toContainText('Internet access');
  await expect(page).toHaveURL(new RegExp(`\\?fn=cn-hangzhou/${firstName}&tab=network$`));

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(table).toBeFocused();
  await expect(row(first)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await expect(tableFooter(page)).toContainText('functions loaded');
});
