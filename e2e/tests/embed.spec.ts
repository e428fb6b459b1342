import { expect, type Page, test } from '@playwright/test';
import { BFF_PORT, PORTAL_PORT } from '../playwright.config.ts';
import { functionsIn, rowKey } from '../support/fleet.ts';
import { type Portal, type PortalMessage, startPortal } from '../support/portal.ts';

const APP_ORIGIN = `http://127.0.0.1:${BFF_PORT}`;
let portal: Portal;

test.beforeAll(async () => {
  portal = await startPortal(PORTAL_PORT, `${APP_ORIGIN}/?embed=1`);
});
test.afterAll(async () => {
  await portal.close();
});

const portalMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { portalMessages: PortalMessage[] }).portalMessages);

test('an allowed portal frames the dashboard without its header and hears navigation and selection', async ({
  page,
}) => {
  const [first, second] = functionsIn('cn-hangzhou');
  if (!first || !second) throw new Error('the demo fleet is empty');
  await page.goto(`http://localhost:${PORTAL_PORT}/`);
  const frame = page.frameLocator('#fleet');
  const rows = frame.locator('tr[data-row-key]');
  await expect(rows.first()).toHaveAttribute('data-row-key', rowKey('cn-hangzhou', first.functionName));
  // No app header; the page's heading is for screen readers only.
  await expect(frame.getByRole('heading', { name: 'FC Fleet', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('FC Fleet: Functions');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveClass(/\bsr-only\b/);
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByText('Demo data')).toBeVisible();

  await expect
    .poll(() => portalMessages(page))
    .toContainEqual({
      origin: APP_ORIGIN,
      data: { type: 'fc-fleet:navigate', url: `${APP_ORIGIN}/?embed=1` },
    });

  await frame.locator(`tr[data-row-key="${rowKey('cn-hangzhou', second.functionName)}"]`).click();
  await expect(frame.getByRole('dialog')).toHaveAccessibleName(second.functionName);
  await expect
    .poll(() => portalMessages(page))
    .toContainEqual({
      origin: APP_ORIGIN,
      data: { type: 'fc-fleet:select', region: 'cn-hangzhou', name: second.functionName },
    });
  await expect
    .poll(() => portalMessages(page))
    .toContainEqual({
      origin: APP_ORIGIN,
      data: {
        type: 'fc-fleet:navigate',
        url: `${APP_ORIGIN}/?fn=cn-hangzhou/${second.functionName}&embed=1`,
      },
    });
  expect((await portalMessages(page)).every((m) => m.origin === APP_ORIGIN)).toBe(true);
});

test('a portal on an origin outside FC_FRAME_ANCESTORS cannot frame the dashboard', async ({ page }) => {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refusals.push(message.text());
  });
  // Same server, other origin: http://127.0.0.1:<port> is not http://localhost:<port>.
  await page.goto(`http://127.0.0.1:${PORTAL_PORT}/`);
  await expect(page.locator('#fleet')).toHaveAttribute('data-frame-loaded', 'yes');
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  expect(refusals[0]).toContain(`frame-ancestors http://localhost:${PORTAL_PORT}`);

  const frame = page.frameLocator('#fleet');
  await expect(frame.locator('#root')).toHaveCount(0);
  await expect(frame.locator('tr[data-row-key]')).toHaveCount(0);
  expect(await portalMessages(page)).toEqual([]);
});
