import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { functionsIn, keysIn, REGIONS } from '../support/fleet.ts';
import { tabUntil } from '../support/focus.ts';
import {
  functionsText,
  insightCard,
  insightLinks,
  linkFacts,
  pageSwitch,
  pathAndSearch,
  searchOfHref,
  viewTotal,
  waitForInsights,
} from '../support/insights.ts';
import { renderedRows } from '../support/table.ts';

// The Insights page for everyone and everywhere: axe in both themes, the keyboard, embedded in a
// portal, and a link with a value the page cannot honour. Its numbers: insights.spec.ts.

for (const theme of ['light', 'dark'] as const) {
  test(`axe: Insights has no violations as charts and with a card as a table (${theme} theme)`, async ({
    page,
  }) => {
    await page.goto(`/insights?region=all&theme=${theme}`);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await waitForInsights(page);
    await expectNoAxeViolations(page);

    const runtimes = insightCard(page, 'Runtimes');
    await runtimes.getByRole('button', { name: 'Show as table' }).click();
    await expect(runtimes.getByRole('button', { name: 'Show as table' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const distinct = new Set(REGIONS.flatMap((region) => functionsIn(region).map((fn) => fn.runtime)));
    await expect(runtimes.getByRole('table', { name: 'Runtimes' }).getByRole('row')).toHaveCount(
      distinct.size + 1,
    );
    await expect(runtimes.locator('svg')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}

test('Tab reaches the chart links with a visible focus, and Enter follows one', async ({ page }) => {
  const all = REGIONS.flatMap((region) => functionsIn(region));
  const byRuntime = new Map<string, number>();
  for (const fn of all) byRuntime.set(fn.runtime ?? '', (byRuntime.get(fn.runtime ?? '') ?? 0) + 1);
  const [topRuntime, topCount] = [...byRuntime].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  await page.goto('/insights?region=all');
  await waitForInsights(page);

  const tile = await tabUntil(page, (f) => f.testId === 'insight-link');
  expect(tile).toMatchObject({
    name: `Functions: ${all.length.toLocaleString('en-US')}, ${functionsText(all.length)}`,
    count: all.length,
    svg: false,
    focusVisible: true,
    outline: 'solid 2px',
  });

  const bar = await tabUntil(page, (f) => f.testId === 'insight-link' && f.svg);
  expect(bar.name.startsWith(topRuntime) && bar.name.endsWith(`: ${functionsText(topCount)}`), bar.name).toBe(
    true,
  );
  expect(bar).toMatchObject({ count: topCount, focusVisible: true });
  // The focused bar has a ring; a bar without the focus has none.
  expect(bar.ring).not.toBe('none');
  const unfocused = await insightCard(page, 'Runtimes')
    .getByTestId('insight-link')
    .nth(1)
    .locator('rect')
    .first()
    .evaluate((rect) => getComputedStyle(rect).stroke);
  expect(unfocused).toBe('none');

  await page.keyboard.press('Enter');
  await expect.poll(() => pathAndSearch(page)).toBe(`/?region=all&runtime=${topRuntime}`);
  await expect(viewTotal(page)).toHaveText(functionsText(topCount));
  await expect(page.getByRole('combobox', { name: 'Runtime', exact: true })).toHaveValue(topRuntime);
});

test('embedded, Insights has no header, and its page switch and every link stay embedded', async ({
  page,
}) => {
  await page.goto('/insights?embed=1&region=all');
  await waitForInsights(page);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'FC Fleet', exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
  const switcher = pageSwitch(page);
  await expect(switcher.getByRole('link', { name: 'Functions' })).toHaveAttribute(
    'href',
    './?region=all&embed=1',
  );
  await expect(switcher.getByRole('link', { name: 'Insights' })).toHaveAttribute('aria-current', 'page');
  const total = REGIONS.flatMap((region) => functionsIn(region)).length;
  await expect(insightCard(page, 'Totals').getByRole('link', { name: /^Functions: / })).toHaveAttribute(
    'data-count',
    String(total),
  );
  const hrefs = [
    ...(await linkFacts(insightLinks(page))),
    ...(await linkFacts(page.getByTestId('insight-changes-link'))),
  ].map((l) => l.href);
  expect(hrefs.length).toBeGreaterThan(40);
  expect(hrefs.filter((href) => new URLSearchParams(searchOfHref(href)).get('embed') !== '1')).toEqual([]);

  const region = REGIONS[2];
  await insightCard(page, 'Regions')
    .getByRole('link', { name: `${region}: ${functionsText(functionsIn(region).length)}`, exact: true })
    .click();
  await expect.poll(() => pathAndSearch(page)).toBe(`/?region=${region}&embed=1`);
  await expect(renderedRows(page).first()).toHaveAttribute('data-row-key', keysIn(region)[0] ?? '');
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('a link with an unknown lifecycle drops it with a notice and shows the insights without it', async ({
  page,
}) => {
  await page.goto('/insights?lifecycle=retired');
  const notices = page.getByRole('list', { name: 'Notices' }).getByRole('status');
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText(
    'Ignored lifecycle: it must be deprecated or eol or current (got "retired").',
  );
  await expect.poll(() => pathAndSearch(page)).toBe('/insights');
  await waitForInsights(page);
  // The default view (the first region), with no lifecycle filter: every status is counted.
  const [region] = REGIONS;
  const count = functionsIn(region).length;
  await expect(viewTotal(page)).toHaveText(functionsText(count));
  expect(await linkFacts(insightCard(page, 'Regions').getByTestId('insight-link'))).toEqual([
    { name: `${region}: ${functionsText(count)}`, count, href: `./?region=${region}` },
  ]);
  await expect(insightCard(page, 'Runtime lifecycle').getByTestId('insight-link')).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expect(page.getByText('The insights could not be loaded')).toHaveCount(0);
});
