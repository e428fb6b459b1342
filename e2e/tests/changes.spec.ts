import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { changesOf, controlFunction, indexHolds, plainFunction, refreshUntil } from '../support/changes.ts';
import { renderedRows, waitForIdle } from '../support/table.ts';

// The history of functions this file owns (`e2e-changes-<run>-*` in one region): made in the
// emulator, seen by passes, shown on the Changes page, in the table and in the drawer. The
// functions are removed again afterwards, so the other journeys see the generated fleet.
const REGION = 'cn-shanghai';
const run = Date.now().toString(36);
const prefix = `e2e-changes-${run}-`;
const mod = `${prefix}mod`;
const del = `${prefix}del`;
const created = `${prefix}new`;
// An environment value: the API never sends it, so the page can never show it.
const secret = `e2e-changes-secret-${run}`;

test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  await controlFunction('PUT', REGION, mod, plainFunction(512));
  await controlFunction('PUT', REGION, del, plainFunction(256));
  await refreshUntil(REGION, () => indexHolds(REGION, prefix, [mod, del]));
  // The pass that indexed them may have been the region's baseline: a later pass sees these.
  await controlFunction('PATCH', REGION, mod, {
    memorySize: 1024,
    environmentVariables: { E2E_CHANGES_TOKEN: secret },
  });
  await controlFunction('DELETE', REGION, del);
  await controlFunction('PUT', REGION, created, plainFunction(128));
  await refreshUntil(REGION, async () => {
    const seen = new Set((await changesOf(REGION, prefix)).map((e) => `${e.kind} ${e.functionName}`));
    return seen.has(`modified ${mod}`) && seen.has(`deleted ${del}`) && seen.has(`created ${created}`);
  });
});

test.afterAll(async () => {
  test.setTimeout(90_000);
  await controlFunction('DELETE', REGION, mod);
  await controlFunction('DELETE', REGION, created);
  await refreshUntil(REGION, () => indexHolds(REGION, prefix, []));
});

const event = (page: Page, kind: string, name: string) =>
  page.getByRole('article', { name: `${kind} ${name}` });

test('Changes shows each event with its diff, never an env value, and links to the drawer and its History', async ({
  page,
}) => {
  await page.goto(`/changes?region=${REGION}&prefix=${prefix}`);
  const modified = event(page, 'modified', mod);
  await expect(modified).toBeVisible();
  await expect(event(page, 'deleted', del)).toBeVisible();
  await expect(event(page, 'created', created)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: new RegExp(`^Pass of demo · ${REGION}`) }).first(),
  ).toBeVisible();
  // The diff: memory before → after, and the env var only as "added".
  await expect(modified.locator('li[data-path="memorySize"]')).toHaveText(/^memorySize\s*512\s*→\s*1024$/);
  await expect(modified.locator('li[data-path="environmentVariables.E2E_CHANGES_TOKEN"]')).toHaveText(
    /^environmentVariables\.E2E_CHANGES_TOKEN\s*added$/,
  );
  expect(await page.content()).not.toContain(secret);
  // A deleted function's name leads to its history; the region to the table of that region.
  await expect(event(page, 'deleted', del).getByRole('link', { name: del })).toHaveAttribute(
    'href',
    `./changes?account=demo&region=${REGION}&name=${del}`,
  );
  await expect(modified.getByRole('link', { name: REGION })).toHaveAttribute(
    'href',
    `./?account=demo&region=${REGION}`,
  );

  await modified.getByRole('link', { name: mod }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?account=demo&region=${REGION}&fn=${REGION}/${mod}$`));
  const drawer = page.getByRole('dialog', { name: mod });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(/&tab=history$/);
  const inDrawer = drawer.getByRole('article', { name: `modified ${mod}` });
  await expect(inDrawer).toBeVisible();
  await expect(inDrawer.locator('li[data-path="memorySize"]')).toHaveText(/512\s*→\s*1024/);
  await expect(drawer.getByRole('article', { name: `created ${mod}` })).toHaveCount(
    (await changesOf(REGION, mod)).filter((e) => e.kind === 'created').length,
  );
  expect(await page.content()).not.toContain(secret);
});

test('the table filters by "changed within" and sorts by the last change, which each row shows', async ({
  page,
}) => {
  await page.goto(`/?region=${REGION}&prefix=${prefix}`);
  await expect(renderedRows(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Changed within' }).selectOption('1h');
  await expect(page).toHaveURL(/&changed=1h$/);
  await page.getByRole('columnheader', { name: 'Last change' }).getByRole('button').click();
  await expect(page).toHaveURL(/&changed=1h&sort=lastChange:desc$/);
  await waitForIdle(page);
  const headers = await page.getByRole('columnheader').allTextContents();
  const column = headers.findIndex((h) => h.startsWith('Last change'));
  expect(column).toBeGreaterThan(0);
  for (const name of [mod, created]) {
    const cell = page.locator(`tr[data-row-key="demo/${REGION}/${name}"] td`).nth(column);
    await expect(cell.locator('time')).toHaveText(/just now|minute|second/);
  }
  // A function no pass has seen change is not "changed within 7 days", and its cell is empty.
  await page.goto(`/?region=${REGION}&changed=7d&q=zzzz-never-${run}`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('the page switch keeps account, regions and filters; bad change filters are dropped with a notice', async ({
  page,
}) => {
  await page.goto(`/?region=${REGION}&prefix=${prefix}&changed=24h&sort=memorySize:desc`);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/changes\\?region=${REGION}&prefix=${prefix}&changed=24h$`));
  await expect(event(page, 'modified', mod)).toBeVisible();
  // The table's filters keep the events of functions the index holds: a deleted one shows without them.
  await expect(event(page, 'deleted', del)).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove filter changed in the last 24h' }).click();
  await page.getByRole('group', { name: 'Kinds of change' }).getByRole('button', { name: 'deleted' }).click();
  await expect(page).toHaveURL(new RegExp(`/changes\\?region=${REGION}&prefix=${prefix}&kind=deleted$`));
  await expect(event(page, 'deleted', del)).toBeVisible();
  await expect(event(page, 'modified', mod)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Functions' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?region=${REGION}&prefix=${prefix}$`));
  await expect(renderedRows(page).first()).toBeVisible();

  await page.goto(`/changes?region=${REGION}&kind=renamed&since=yesterday&name=${mod}`);
  await expect(page.getByRole('status').filter({ hasText: 'Ignored kind' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Ignored since' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/changes\\?region=${REGION}&name=${mod}$`));
  await expect(event(page, 'modified', mod)).toBeVisible();
  // In embed mode there is no header, but the switch is there.
  await page.goto(`/changes?region=${REGION}&prefix=${prefix}&embed=1`);
  await expect(page.getByRole('heading', { name: 'FC Fleet', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('FC Fleet: Changes');
  await expect(
    page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Functions' }),
  ).toHaveAttribute('href', `./?region=${REGION}&prefix=${prefix}&embed=1`);
});

test('with nothing recorded for a name, Changes says so and how history starts', async ({ page }) => {
  await page.goto(`/changes?region=${REGION}&name=e2e-changes-never-${run}`);
  await expect(page.getByTestId('changes-empty')).toContainText(
    "History starts after each region's first complete pass",
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the Changes page with a diff has no violations (${theme} theme)`, async ({ page }) => {
    await page.goto(`/changes?region=${REGION}&prefix=${prefix}&theme=${theme}`);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expect(event(page, 'modified', mod)).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await expectNoAxeViolations(page);
  });
}
