import { CHROMIUM_LAUNCH } from '@fc-fleet/e2e/chromium';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';

/** The window the goals are set for. */
export const VIEWPORT = { width: 1440, height: 900 };

/** Row density the dashboard remembers in localStorage. */
export type Density = 'comfortable' | 'compact';

/** Row height of each density, as the table renders it. */
export const ROW_HEIGHT: Record<Density, number> = { comfortable: 48, compact: 34 };

const COLUMN_PREFS_KEY = 'fc-fleet:columns:v1';

/**
 * Launches Debian's Chromium headless with the e2e journeys' flags; heap figures come over CDP.
 * @example const browser = await launchBrowser(); await browser.close();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
}

/**
 * A fresh context and page (empty HTTP cache and storage) at the bench viewport, with the row
 * density stored before the dashboard's scripts read it.
 * @example const { page, context } = await freshPage(browser, 'compact');
 */
export async function freshPage(
  browser: Browser,
  density: Density,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in a
  // `__name` helper that only exists in Node; the page gets a no-op of it.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const prefs = JSON.stringify({ visibility: {}, order: [], sizing: {}, density });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    COLUMN_PREFS_KEY,
    prefs,
  ] as const);
  return { context, page: await context.newPage() };
}

/** Waits until the table shows its first row. */
export async function firstRowVisible(page: Page): Promise<void> {
  await page.locator('tr[data-row-key]').first().waitFor({ state: 'visible', timeout: 30_000 });
}
