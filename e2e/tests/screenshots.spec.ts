import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { clearFaults, setFaults } from '../support/faults.ts';
import { firstWhere, type RawFunction } from '../support/fleet.ts';
import { waitForInsights } from '../support/insights.ts';
import { renderedRows, waitForIdle } from '../support/table.ts';

// Pictures for people to look at (e2e/screenshots is git-ignored); they assert only that the
// view they show is there.
const DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(DIR, { recursive: true });

async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${DIR}${name}.png`, ...options });
}

async function showTable(page: Page, url: string) {
  await page.goto(url);
  await expect(renderedRows(page).first()).toBeVisible();
  await waitForIdle(page);
}

test('table views: themes, filter chips, embed, empty, and wide and narrow screens', async ({ page }) => {
  await showTable(page, '/?theme=light');
  await shot(page, 'table-light');
  await showTable(page, '/?theme=dark');
  await shot(page, 'table-dark');
  await showTable(page, '/?q=api&has=vpc,nas&internetAccess=false&memoryMin=512&fcVersion=v3');
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(7);
  await shot(page, 'filters-chips');
  await showTable(page, '/?embed=1');
  await expect(page.getByRole('heading', { name: 'FC Fleet', exact: true })).toHaveCount(0);
  await shot(page, 'embed');
  await page.goto('/?q=zzzz-no-match');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await shot(page, 'empty-state');
  for (const [width, height] of [
    [1280, 800],
    [2560, 1440],
  ] as const) {
    await page.setViewportSize({ width, height });
    await showTable(page, '/?region=all');
    await shot(page, `table-${width}`);
  }
});

const TAB_FUNCTIONS: [tab: string, label: string, keep: (fn: RawFunction) => boolean][] = [
  ['overview', 'Overview', (fn) => Boolean(fn.tags?.length && fn.role && fn.description)],
  ['network', 'Network', (fn) => Boolean(fn.vpcConfig?.vpcId && fn.customDNS?.nameServers?.length)],
  ['nas', 'NAS', (fn) => (fn.nasConfig?.mountPoints?.length ?? 0) > 1],
  ['oss', 'OSS', (fn) => Boolean(fn.ossMountConfig?.mountPoints?.length)],
  ['container', 'Container', (fn) => Boolean(fn.customContainerConfig?.registryConfig)],
  ['gpu', 'GPU', (fn) => Boolean(fn.gpuConfig?.gpuType)],
  [
    'observability',
    'Logs & tracing',
    (fn) =>
      Boolean(fn.logConfig?.project && fn.tracingConfig?.type && fn.instanceLifecycleConfig?.initializer),
  ],
  [
    'config',
    'Layers & env',
    (fn) => Boolean(fn.layers?.length && fn.environmentVariables && fn.juiceFsConfig),
  ],
  ['json', 'JSON', (fn) => Object.keys(fn.environmentVariables ?? {}).length > 2],
];

test('every drawer tab, for a function that has that configuration', async ({ page }) => {
  for (const [tab, label, keep] of TAB_FUNCTIONS) {
    const fn = firstWhere('cn-hangzhou', keep, `something to show on the ${tab} tab`);
    await page.goto(`/?fn=cn-hangzhou/${fn.functionName}&tab=${tab}`);
    const drawer = page.getByRole('dialog', { name: fn.functionName });
    await expect(drawer.getByRole('tab', { name: label })).toHaveAttribute('aria-selected', 'true');
    await expect(drawer.getByRole('tabpanel')).not.toContainText(/^Loading/);
    await expect(drawer.getByRole('tabpanel').locator('dl, pre').first()).toBeVisible();
    await waitForIdle(page);
    await shot(page, `drawer-${tab}`);
  }
});

test('a region whose last pass failed, and a refresh in progress', async ({ page }) => {
  try {
    await page.goto('/?region=all&has=gpu');
    await expect(page.locator('tr[data-row-key]').first()).toBeVisible();
    await setFaults({ downRegions: ['cn-shanghai'], latencyMs: 300 });
    await page.getByRole('button', { name: /^Refresh/ }).click();
    await shot(page, 'refresh-in-progress');
    await expect(page.getByText(/^cn-shanghai: last sync failed/)).toBeVisible({ timeout: 30_000 });
    await shot(page, 'region-failed');
  } finally {
    await clearFaults();
  }
});

test('insights: light and dark at 1280 and 2560 px, and embedded, each as a full page', async ({ page }) => {
  for (const [width, height] of [
    [1280, 800],
    [2560, 1440],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`/insights?region=all&theme=${theme}`);
      await waitForInsights(page);
      await shot(page, `insights-${width}-${theme}`, { fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/insights?region=all&embed=1');
  await waitForInsights(page);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await shot(page, 'insights-embed', { fullPage: true });
});
