import { expect, test } from '@playwright/test';

test('the CSP blocks an injected inline script and allows the app’s own scripts', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
      violations.push(message.text());
  });
  await page.goto('/');
  await expect(page.locator('tr[data-row-key]').first()).toBeVisible();
  // As an attacker's injected markup would: an inline <script> element added to the page.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  expect(violations.join('\n')).toContain("script-src 'self'");
});
