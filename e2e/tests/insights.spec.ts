import { expect, test } from '@playwright/test';
import { functionsIn, keysIn, mergedRows, REGIONS, rowKey } from '../support/fleet.ts';
import {
  functionsText,
  gpuInventory,
  gpuTypeOf,
  insightCard,
  insightLinks,
  isDeprecated,
  type LinkFact,
  linkFacts,
  pageSwitch,
  pathAndSearch,
  searchOfHref,
  viewTotal,
  waitForInsights,
} from '../support/insights.ts';
import { allLoaded, renderedRows, scrollToEnd, tableFooter, waitForIdle } from '../support/table.ts';

// The Insights page's links against the demo fleet: every number is checked against the fleet
// rebuilt here (support/fleet.ts) or against the table its link opens, never against the page itself.
// Accessibility, the keyboard, embedding and bad links: insights-access.spec.ts.

const byHref = (a: LinkFact, b: LinkFact) => (a.href < b.href ? -1 : a.href > b.href ? 1 : a.count - b.count);

const gpuFunctions = REGIONS.flatMap((region) => functionsIn(region).filter((fn) => gpuTypeOf(fn)));

test("the page switch takes the table's filters to Insights, whose totals are the table's", async ({
  page,
}) => {
  const total = gpuFunctions.length;
  expect(total, 'the demo fleet has GPU functions').toBeGreaterThan(20);
  await page.goto('/?region=all&has=gpu');
  await expect(renderedRows(page).first()).toBeVisible();
  await waitForIdle(page);
  await expect(viewTotal(page)).toHaveText(functionsText(total));

  await pageSwitch(page).getByRole('link', { name: 'Insights' }).click();
  await expect.poll(() => pathAndSearch(page)).toBe('/insights?region=all&has=gpu');
  await waitForInsights(page);
  await expect(pageSwitch(page).getByRole('link', { name: 'Insights' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(viewTotal(page)).toHaveText(functionsText(total));
  await expect(
    insightCard(page, 'Totals').getByRole('link', {
      name: `Functions: ${total.toLocaleString('en-US')}, ${functionsText(total)}`,
      exact: true,
    }),
  ).toHaveAttribute('data-count', String(total));
  // The view's functions, not the fleet's: each region's GPU functions...
  const regions = await linkFacts(insightCard(page, 'Regions').getByTestId('insight-link'));
  expect(regions.map((l) => `${l.name} = ${l.count}`).sort()).toEqual(
    REGIONS.map((region) => {
      const n = functionsIn(region).filter((fn) => gpuTypeOf(fn)).length;
      return `${region}: ${functionsText(n)} = ${n}`;
    }).sort(),
  );
  // ...which all run in containers: a current runtime, so the other statuses count 0 and link nowhere.
  expect(new Set(gpuFunctions.map((fn) => fn.runtime))).toEqual(new Set(['custom-container']));
  expect(await linkFacts(insightCard(page, 'Runtime lifecycle').getByTestId('insight-link'))).toEqual([
    {
      name: `Current: ${functionsText(total)}`,
      count: total,
      href: './?region=all&has=gpu&lifecycle=current',
    },
  ]);

  await pageSwitch(page).getByRole('link', { name: 'Functions' }).click();
  await expect.poll(() => pathAndSearch(page)).toBe('/?region=all&has=gpu');
  await expect(renderedRows(page).first()).toBeVisible();
  await expect(viewTotal(page)).toHaveText(functionsText(total));
});

test('a GPU type in a region of the inventory opens the table of exactly those functions', async ({
  page,
}) => {
  const place = gpuInventory().find((p) => p.count >= 5 && p.count <= 15);
  if (!place) throw new Error('the demo fleet has no GPU type with 5 to 15 functions in a region');
  const { gpuType, region, count } = place;
  const expected = keysIn(region, (fn) => gpuTypeOf(fn) === gpuType);
  await page.goto('/insights?region=all&has=gpu');
  await waitForInsights(page);
  const link = insightCard(page, 'GPU inventory').getByRole('link', {
    name: `${gpuType} in ${region}: ${functionsText(count)}`,
    exact: true,
  });
  await expect(link).toHaveAttribute('data-count', String(expected.length));

  await link.click();
  await expect.poll(() => pathAndSearch(page)).toBe(`/?region=${region}&gpuType=${gpuType}&has=gpu`);
  await expect(tableFooter(page)).toHaveText(allLoaded(count));
  await expect(viewTotal(page)).toHaveText(functionsText(count));
  expect(await scrollToEnd(page, count)).toEqual(expected);
  await expect(page.getByRole('combobox', { name: 'GPU type' })).toHaveValue(gpuType);
  // Each row's GPU badge names the type (its title: "fc.gpu.ada.1, 16 GB").
  const rows = renderedRows(page);
  await expect(rows).toHaveCount(count);
  await expect(rows.filter({ hasNot: page.locator(`[title^="${gpuType}, "]`) })).toHaveCount(0);
});

test('the deprecated slice of the whole fleet opens its table: count, select, chip and badges', async ({
  page,
}) => {
  const expected = mergedRows()
    .filter((row) => isDeprecated(row.fn))
    .map((row) => rowKey(row.region, row.fn.functionName));
  expect(expected.length, 'the demo fleet has deprecated runtimes').toBeGreaterThan(10);
  await page.goto('/insights?region=all');
  await waitForInsights(page);
  const slice = insightCard(page, 'Runtime lifecycle').getByRole('link', { name: /^Deprecated by FC: / });
  await expect(slice).toHaveAccessibleName(`Deprecated by FC: ${functionsText(expected.length)}`);
  await expect(slice).toHaveAttribute('data-count', String(expected.length));

  await slice.locator('path').click(); // the slice itself, not its legend line
  await expect.poll(() => pathAndSearch(page)).toBe('/?region=all&lifecycle=deprecated');
  await expect(viewTotal(page)).toHaveText(functionsText(expected.length));
  const select = page.getByRole('combobox', { name: 'Runtime lifecycle' });
  await expect(select).toHaveValue('deprecated');
  await expect(select.locator('option:checked')).toHaveText(/^Deprecated by FC/);
  await expect(
    page.getByRole('list', { name: 'Active filters' }).getByRole('listitem').filter({
      hasText: 'lifecycle: deprecated by FC',
    }),
  ).toHaveCount(1);
  expect(await scrollToEnd(page, expected.length)).toEqual(expected);

  await page.getByTestId('table-scroll').evaluate((el) => el.scrollTo(0, 0));
  const rows = renderedRows(page);
  await expect(rows.first()).toHaveAttribute('data-row-key', expected[0] ?? '');
  expect(await rows.count()).toBeGreaterThan(5);
  const badge = page.locator('[title^="Deprecated by Function Compute since "]');
  await expect(rows.filter({ hasNot: badge })).toHaveCount(0);
  await expect(rows.first().getByText('deprecated', { exact: true })).toBeVisible();
});

/** Views whose every link is checked: a feature filter, and regions with a lifecycle and a memory filter. */
const COUNTED_VIEWS = ['region=all&has=gpu', 'region=cn-hangzhou,cn-shanghai&lifecycle=eol&memoryMin=512'];

for (const view of COUNTED_VIEWS)
  test(`every link of the insights of ?${view} counts the rows of its table; a 0 is no link`, async ({
    page,
  }) => {
    await page.goto(`/insights?${view}`);
    await waitForInsights(page);
    const charts = await linkFacts(insightLinks(page));
    expect(charts.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const link of charts) {
      const response = await page.request.get(`/api/facets${searchOfHref(link.href)}`);
      expect(response.status(), link.href).toBe(200);
      const { total } = (await response.json()) as { total: number };
      if (total !== link.count)
        wrong.push(`${link.name} -> ${link.href}: says ${link.count}, lists ${total}`);
    }
    expect(wrong).toEqual([]);
    expect(charts.filter((l) => !(l.count > 0))).toEqual([]);
    // A chart element that counts 0 is still named (an SVG title), but outside any link.
    const zeros = await page
      .locator('main svg title')
      .evaluateAll((titles) =>
        titles
          .filter((t) => /: 0 functions$/.test(t.textContent ?? ''))
          .map((t) => ({ name: t.textContent ?? '', inLink: t.closest('a') !== null })),
      );
    expect(zeros.length, 'a lifecycle status of this view counts 0').toBeGreaterThan(0);
    expect(zeros.filter((z) => z.inLink)).toEqual([]);

    // As tables: the same links as the charts, and a "Functions" cell is a link exactly when not 0.
    for (const button of await page.getByRole('button', { name: 'Show as table' }).all())
      await button.click();
    await expect(page.getByRole('button', { name: 'Show as table', pressed: false })).toHaveCount(0);
    expect((await linkFacts(insightLinks(page))).sort(byHref)).toEqual([...charts].sort(byHref));
    const cells = await page.locator('main table').evaluateAll((tables) =>
      tables.flatMap((table) => {
        const column = [...table.querySelectorAll('thead th')].findIndex(
          (th) => th.textContent?.trim() === 'Functions',
        );
        if (column < 0) return [];
        return [...table.querySelectorAll('tbody tr')].map((tr) => {
          const cell = tr.children[column];
          return {
            table: table.querySelector('caption')?.textContent ?? '',
            text: cell?.textContent?.trim() ?? '',
            link: Boolean(cell?.querySelector('a')),
          };
        });
      }),
    );
    expect(cells.filter((c) => c.text === '0').length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.link === (c.text === '0'))).toEqual([]);
  });
