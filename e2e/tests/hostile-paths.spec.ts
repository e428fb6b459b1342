import { expect, type Page, test } from '@playwright/test';
import { BFF_PORT } from '../playwright.config.ts';
import { functionsIn, rowKey } from '../support/fleet.ts';

// `//evil.example/x` is a path to the server, but a protocol-relative URL to the browser: a page
// shown there that builds links from `location.pathname` sends every click to http://evil.example/x.
const ORIGIN = `http://127.0.0.1:${BFF_PORT}`;
const HOSTILE = `${ORIGIN}//evil.example/x`;

/** Every link of the rows and the drawer, as the browser resolved it (what a click would follow). */
const resolvedLinks = (page: Page): Promise<{ raw: string; resolved: string }[]> =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLAnchorElement>('tr[data-row-key] a[href], [role="dialog"] a[href]'),
    ].map((a) => ({ raw: a.getAttribute('href') ?? '', resolved: a.href })),
  );

test('the server answers //evil.example/x and /\\evil.example/x with the 404 envelope, never the app', async ({
  page,
}) => {
  for (const url of [HOSTILE, `${HOSTILE}?region=all`, `${ORIGIN}/\\evil.example/x`, `${ORIGIN}/x//y`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    expect(response?.headers()['content-type'], url).toMatch(/^application\/json/);
    expect(new URL(page.url()).origin, url).toBe(ORIGIN);
    await expect(page.locator('a[href]'), url).toHaveCount(0);
  }
  const direct = await page.request.get(HOSTILE, { maxRedirects: 0 });
  expect(direct.status()).toBe(404);
  expect(await direct.json()).toMatchObject({ code: 'NotFound' });
});

test('even shown at //evil.example/x, row links, filter links and new tabs stay on this origin', async ({
  page,
  context,
}) => {
  // Stand-in for a proxy that ignores the 404: the browser gets the real app shell at the hostile path.
  await page.route(
    (url) => url.origin === ORIGIN && url.pathname.startsWith('//'),
    async (route) => route.fulfill({ response: await route.fetch({ url: `${ORIGIN}/` }) }),
  );
  const fn = functionsIn('cn-hangzhou')
    .slice(0, 10)
    .find((f) => f.vpcConfig?.vpcId);
  const vpcId = fn?.vpcConfig?.vpcId;
  if (!fn || !vpcId) throw new Error('no VPC function among the first ten');
  const expectOnOrigin = async (what: string) => {
    const links = await resolvedLinks(page);
    expect(links.length, what).toBeGreaterThan(10);
    const away = links.filter((link) => new URL(link.resolved).origin !== ORIGIN);
    expect(away, `${what}: links that leave the origin`).toEqual([]);
    expect(
      links.filter((link) => !link.raw.startsWith('./')),
      `${what}: links not relative`,
    ).toEqual([]);
  };

  await page.goto(HOSTILE);
  expect(await page.evaluate(() => window.location.pathname)).toBe('//evil.example/x');
  const row = page.locator(`tr[data-row-key="${rowKey('cn-hangzhou', fn.functionName)}"]`);
  await expect(row).toBeVisible();
  await expectOnOrigin('rows');

  // Ctrl-click and middle-click open the row in a new tab: on this origin too.
  for (const click of [{ modifiers: ['ControlOrMeta' as const] }, { button: 'middle' as const }]) {
    const [tab] = await Promise.all([context.waitForEvent('page'), row.click(click)]);
    await tab.waitForLoadState('domcontentloaded');
    expect(new URL(tab.url()).origin, JSON.stringify(click)).toBe(ORIGIN);
    expect(new URL(tab.url()).searchParams.get('fn')).toBe(`cn-hangzhou/${fn.functionName}`);
    await tab.close();
  }
  expect(await page.evaluate(() => window.location.pathname)).toBe('//evil.example/x');

  // A pasted link that opens the drawer right away, so its filter links are built at the hostile path.
  await page.goto(`${HOSTILE}?fn=cn-hangzhou/${fn.functionName}&tab=network`);
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('link', { name: vpcId, exact: true })).toBeVisible();
  expect(await page.evaluate(() => window.location.pathname)).toBe('//evil.example/x');
  await expectOnOrigin('rows and drawer');

  // A plain click on a filter link writes the view on this origin, at the dashboard's own path.
  await drawer.getByRole('link', { name: vpcId, exact: true }).click();
  await expect(drawer).toBeHidden();
  await expect.poll(() => page.url()).toBe(`${ORIGIN}/?vpcId=${vpcId}`);
});
