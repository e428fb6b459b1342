import { expect, type Locator, type Page } from '@playwright/test';
import { functionsIn, type RawFunction, REGIONS, type Region } from './fleet.ts';

/** What one link of the insights says: its accessible name, the count it stands for and where it goes. */
export interface LinkFact {
  name: string;
  count: number;
  href: string;
}

/** Functions | Changes | Insights, in the header or (embedded) among the controls. */
export const pageSwitch = (page: Page): Locator => page.getByRole('navigation', { name: 'Pages' });

/** The page's path and query string: `/insights?region=all`. */
export function pathAndSearch(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** Every link of the insights to the table (bars, slices, tiles, table cells). */
export const insightLinks = (page: Page): Locator => page.getByTestId('insight-link');

/** A card of the insights, by its heading ("Runtimes", "GPU inventory", …). */
export const insightCard = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** "N functions" above the table or the charts, as the view's status line says it. */
export const viewTotal = (page: Page): Locator => page.getByTestId('view-total');

/** `4,500 functions`, as the status line and every link's name write a count. */
export const functionsText = (count: number): string =>
  count === 1 ? '1 function' : `${count.toLocaleString('en-US')} functions`;

/** Waits until the cards of an answer are on screen and no request is in flight. */
export async function waitForInsights(page: Page): Promise<void> {
  await expect(insightCard(page, 'Totals')).toBeVisible();
  await expect(page.getByTestId('insights-skeleton')).toHaveCount(0);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
}

/** The links of the insights on screen, in document order. */
export async function linkFacts(links: Locator): Promise<LinkFact[]> {
  return links.evaluateAll((elements) =>
    elements.map((el) => ({
      name: el.getAttribute('aria-label') ?? '',
      count: Number(el.getAttribute('data-count')),
      href: el.getAttribute('href') ?? '',
    })),
  );
}

/** The query string of a link (`./?region=all&has=gpu` -> `?region=all&has=gpu`). */
export const searchOfHref = (href: string): string => new URL(href, 'http://app.invalid/').search;

/**
 * The runtimes Function Compute deprecates (its Cloud Config rule `fc-function-runtime-check`),
 * written here again so the journeys judge the app against a list it does not hold.
 */
export const DEPRECATED_RUNTIMES: readonly string[] = [
  'nodejs4.4',
  'nodejs6',
  'nodejs8',
  'nodejs10',
  'nodejs12',
  'python2.7',
  'dotnetcore2.1',
];

/** True for a function whose runtime FC deprecates. */
export const isDeprecated = (fn: RawFunction): boolean => DEPRECATED_RUNTIMES.includes(fn.runtime ?? '');

/** The GPU type of a function, or undefined. */
export const gpuTypeOf = (fn: RawFunction): string | undefined => fn.gpuConfig?.gpuType || undefined;

/** A GPU type in a region of the fleet and how many functions it has. */
export interface GpuPlace {
  gpuType: string;
  region: Region;
  count: number;
}

/** The fleet's GPU inventory, by GPU type then region, as the Insights page orders it. */
export function gpuInventory(): GpuPlace[] {
  const places: GpuPlace[] = [];
  for (const region of REGIONS)
    for (const fn of functionsIn(region)) {
      const gpuType = gpuTypeOf(fn);
      if (!gpuType) continue;
      const place = places.find((p) => p.gpuType === gpuType && p.region === region);
      if (place) place.count += 1;
      else places.push({ gpuType, region, count: 1 });
    }
  const order = (p: GpuPlace) => `${p.gpuType} ${p.region}`;
  return places.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
