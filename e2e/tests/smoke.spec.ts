import { expect, test } from '@playwright/test';

test('first rows appear with the demo badge', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText('Demo data')).toBeVisible();
  await expect(page.getByTestId('table-footer')).toContainText('functions loaded');
});
