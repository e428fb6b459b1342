import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { firstWhere, type RawFunction, REGIONS } from '../support/fleet.ts';
import { createFinder, EMULATOR_KEY_SECRET, plantedSecrets } from '../support/secrets.ts';
import { renderedRows, scrollToEnd, waitForIdle } from '../support/table.ts';

/** A function with much to show: a private registry, a GPU and env vars. */
const rich = firstWhere(
  'cn-hangzhou',
  (fn) => Boolean(fn.customContainerConfig?.registryConfig && fn.gpuConfig && fn.environmentVariables),
  'a private image, a GPU and env vars',
);

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the table and the open drawer have no violations (${theme} theme)`, async ({ page }) => {
    await page.goto(`/?theme=${theme}`);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expect(renderedRows(page).first()).toBeVisible();
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    await page.goto(`/?fn=cn-hangzhou/${rich.functionName}&theme=${theme}`);
    const drawer = page.getByRole('dialog', { name: rich.functionName });
    await expect(drawer.getByText('ARN', { exact: true })).toBeVisible();
    await expect(drawer.getByText('loading…')).toHaveCount(0); // the live state has arrived
    await waitForIdle(page);
    await expectNoAxeViolations(page);
  });
}

/** The places a secret hides in the demo fleet: the named secret fields and the free-form ones. */
const SECRET_KINDS: [
  string,
  (fn: RawFunction, planted: (value: string | null | undefined) => boolean) => boolean,
][] = [
  ['env value', (fn, planted) => Object.values(fn.environmentVariables ?? {}).some(planted)],
  [
    'registry password',
    (fn, planted) => planted(fn.customContainerConfig?.registryConfig?.authConfig?.password),
  ],
  ['JuiceFS token', (fn, planted) => Boolean(fn.juiceFsConfig?.mountPoints?.some((m) => planted(m.token)))],
  ...[
    'command',
    'entrypoint',
    'healthcheck',
    'tracing',
    'hook',
    'runtimearg',
    'jfsarg',
    'osscredential',
    'unknownfield',
  ].map((where): (typeof SECRET_KINDS)[number] => [
    where,
    (fn) => JSON.stringify(fn).includes(`fleetsecret-${where}-`),
  ]),
];

/** A function with each kind of secret, the kinds spread over the regions. */
function functionsWithSecrets(
  secrets: ReadonlySet<string>,
): { region: string; fn: RawFunction; kind: string }[] {
  const planted = (value: string | null | undefined) => secrets.has(value ?? '');
  return SECRET_KINDS.map(([kind, has], i) => {
    const region = REGIONS[i % REGIONS.length] ?? 'cn-hangzhou';
    return { region, kind, fn: firstWhere(region, (fn) => has(fn, planted), `a secret in its ${kind}`) };
  });
}

test('no secret of the fleet or the emulator reaches the DOM or any response', async ({ page }) => {
  test.setTimeout(90_000);
  const secrets = plantedSecrets();
  expect(secrets).toContain(EMULATOR_KEY_SECRET);
  expect(secrets.length).toBeGreaterThan(1000);
  const findSecrets = createFinder(secrets);

  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on('response', (response) => {
    bodies.push(
      response
        .text()
        .then((text) => ({ url: response.url(), text }))
        .catch(() => ({ url: response.url(), text: '' })),
    );
  });
  const domLeaks = async () => findSecrets(await page.evaluate(() => document.documentElement.outerHTML));

  for (const region of REGIONS) {
    await page.goto(`/?region=${region}`);
    await expect(renderedRows(page).first()).toBeVisible();
    await waitForIdle(page);
    expect(await domLeaks(), `DOM of the ${region} list`).toEqual([]);
  }
  await page.goto('/?region=all');
  await scrollToEnd(page, 4500, { stopAfter: 300 });
  expect(await domLeaks(), 'DOM of the all-regions list').toEqual([]);
  // The exports hold every loaded row: neither may carry a secret.
  await page.locator('summary', { hasText: 'Export' }).click();
  for (const format of ['CSV', 'JSON']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.length, `${format} export`).toBeGreaterThan(100_000);
    expect(findSecrets(text), `${format} export`).toEqual([]);
  }

  for (const { region, fn, kind } of functionsWithSecrets(new Set(secrets))) {
    // The finder would notice this function's secrets, had the server sent them as they are.
    expect(findSecrets(JSON.stringify(fn)), kind).not.toEqual([]);
    await page.goto(`/?region=${region}&fn=${region}/${fn.functionName}&tab=json`);
    const panel = page.getByRole('dialog', { name: fn.functionName }).getByRole('tabpanel');
    await expect(panel).toContainText(`"functionName": "${fn.functionName}"`);
    // The secret-bearing parts are there, masked: proof the drawer shows the whole projection.
    await expect(panel).toContainText('******');
    await expect(panel).toContainText("FC Fleet's projection of this function");
    expect(await domLeaks(), `DOM of the JSON tab of ${region}/${fn.functionName}`).toEqual([]);
    await page.getByRole('tab', { name: 'Layers & env' }).click();
    await expect(panel).toContainText('Environment variables');
    expect(await domLeaks(), `DOM of the env tab of ${region}/${fn.functionName}`).toEqual([]);
  }

  const seen = await Promise.all(bodies);
  const api = seen.filter((b) => new URL(b.url).pathname.startsWith('/api/functions'));
  expect(api.length).toBeGreaterThan(20);
  expect(api.some((b) => b.text.includes('"******"'))).toBe(true);
  const leaks = seen.flatMap((b) => findSecrets(b.text).map((secret) => `${b.url} contains ${secret}`));
  expect(leaks).toEqual([]);
});
