import type { FcFunction } from '@fc-fleet/fc-api';
import type { StoredFunction } from '@fc-fleet/fc-emulator';
import { SORT_FIELDS, type SortField } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Row, scrollAll } from '../test-support/test-app.ts';

// Every view is answered from the index that one pass per region filled. The expected answers
// are computed here, from the emulator's own fleet, by code that shares nothing with the index.
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];

type TestApp = ReturnType<typeof createTestApp>;
type Raw = { account: string; region: string; stored: StoredFunction };

const rawFleet = (t: TestApp, regions = REGIONS, account = 'test', emulator = t.emulator): Raw[] =>
  regions.flatMap((region) =>
    [...(emulator.fleet.region(region)?.scan(undefined) ?? [])].map((stored) => ({
      account,
      region,
      stored,
    })),
  );
const key = (r: { account: string; region: string; name: string }) => `${r.account}/${r.region}/${r.name}`;
const rawKey = (r: Raw) => key({ ...r, name: r.stored.fn.functionName });
const rowKey = (r: Row) => key({ ...r, name: r.function.functionName });
const byCodePoint = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const time = (text: string | undefined) => (text ? Date.parse(text) : undefined);

/** What each sort field reads from a function as the cloud sends it; undefined when it has none. */
const SORT_VALUE: Record<SortField, (fn: FcFunction) => string | number | undefined> = {
  name: (fn) => fn.functionName,
  runtime: (fn) => fn.runtime || undefined,
  memorySize: (fn) => fn.memorySize ?? undefined,
  timeout: (fn) => fn.timeout ?? undefined,
  codeSize: (fn) => fn.codeSize ?? undefined,
  createdTime: (fn) => time(fn.createdTime ?? undefined),
  lastModifiedTime: (fn) => time(fn.lastModifiedTime ?? undefined),
  // Only passes that see a change set it; these views are read after one pass, so no function has one.
  lastChange: () => undefined,
};

/** The documented order: by the field, missing values last (by account, region, name), ties by account, region, name. */
function expectedOrder(rows: readonly Raw[], field: SortField, dir: 'asc' | 'desc'): string[] {
  const sign = dir === 'asc' ? 1 : -1;
  const tieKey = (r: Raw) =>
    field === 'name'
      ? [r.stored.fn.functionName, r.account, r.region]
      : [r.account, r.region, r.stored.fn.functionName];
  const ties = (a: Raw, b: Raw) => {
    const ka = tieKey(a);
    const kb = tieKey(b);
    for (let i = 0; i < ka.length; i++) {
      const order = byCodePoint(ka[i] ?? '', kb[i] ?? '');
      if (order) return order;
    }
    return 0;
  };
  return [...rows]
    .sort((a, b) => {
      const va = SORT_VALUE[field](a.stored.fn);
      const vb = SORT_VALUE[field](b.stored.fn);
      if (va === undefined && vb === undefined) return ties(a, b);
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return sign * (byCodePoint(va, vb) || ties(a, b));
    })
    .map(rawKey);
}

describe('GET /api/functions: every function once, in every order', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 3000, regions: REGIONS } } });
  // Functions with no sort values at all, so every order has a tail of missing values longer than a page.
  for (let i = 0; i < 150; i++)
    t.emulator.putFunction(REGIONS[i % 3] ?? '', { functionName: `bare-${String(i).padStart(3, '0')}` });
  // Two functions in 9,150 on a vSwitch nobody else uses.
  const rare = [
    ['cn-shanghai', t.emulator.fleet.region('cn-shanghai')?.allNames()[1234] ?? ''],
    ['cn-beijing', t.emulator.fleet.region('cn-beijing')?.allNames()[2345] ?? ''],
  ] as const;
  for (const [region, name] of rare) {
    const stored = t.emulator.fleet.region(region)?.get(name);
    if (stored)
      t.emulator.putFunction(region, {
        ...stored.fn,
        vpcConfig: { vpcId: 'vpc-rare', vSwitchIds: ['vsw-rare-0001'], securityGroupId: 'sg-rare' },
      });
  }
  const all = () => rawFleet(t);

  for (const field of SORT_FIELDS)
    for (const dir of ['asc', 'desc'] as const)
      it(`sort=${field}:${dir} lists all 9,150 functions of three regions once, in order`, async () => {
        const { rows, shortPages } = await scrollAll(t.get, `region=all&sort=${field}:${dir}`);
        expect(rows.map(rowKey)).toEqual(expectedOrder(all(), field, dir));
        expect(shortPages).toEqual([]);
      });

  const vpcOf = (region: string) =>
    [...(t.emulator.fleet.region(region)?.scan(undefined) ?? [])].find((s) => s.fn.vpcConfig?.vpcId)?.fn
      .vpcConfig?.vpcId ?? '';
  const hasTag = (fn: FcFunction, k: string, v: string) =>
    (fn.tags ?? []).some((tag) => tag.Key === k && tag.Value === v);
  const filters: [string, string, string[], (s: StoredFunction) => boolean][] = [
    ['native prefix', 'prefix=payments-', ['cn-hangzhou'], (s) => s.fn.functionName.startsWith('payments-')],
    [
      'q, case-insensitive, over name and description',
      'region=all&q=ORDERS',
      REGIONS,
      (s) =>
        `${s.fn.functionName}\n${s.fn.description ?? ''}\n${s.fn.functionArn ?? ''}`
          .toLowerCase()
          .includes('orders'),
    ],
    [
      'has=vpc,nas',
      'region=all&has=vpc,nas',
      REGIONS,
      (s) => Boolean(s.fn.vpcConfig?.vpcId) && Boolean(s.fn.nasConfig?.mountPoints?.length),
    ],
    [
      'vpcId',
      `vpcId=${vpcOf('cn-hangzhou')}`,
      ['cn-hangzhou'],
      (s) => s.fn.vpcConfig?.vpcId === vpcOf('cn-hangzhou'),
    ],
    [
      'memory range',
      'region=all&memoryMin=1024&memoryMax=4096',
      REGIONS,
      (s) => (s.fn.memorySize ?? 0) >= 1024 && (s.fn.memorySize ?? 0) <= 4096,
    ],
    [
      'tags',
      'region=cn-shanghai&tags=env=prod,team=payments',
      ['cn-shanghai'],
      (s) => hasTag(s.fn, 'env', 'prod') && hasTag(s.fn, 'team', 'payments'),
    ],
    ['fcVersion (the emulator stores it)', 'region=all&fcVersion=v2', REGIONS, (s) => s.fcVersion === 'v2'],
    [
      'native runtime + has=nas + memoryMin',
      'region=all&runtime=python3.10&has=nas&memoryMin=512',
      REGIONS,
      (s) =>
        s.fn.runtime === 'python3.10' &&
        Boolean(s.fn.nasConfig?.mountPoints?.length) &&
        (s.fn.memorySize ?? 0) >= 512,
    ],
    [
      'a region list',
      'region=cn-beijing,cn-hangzhou&prefix=search-',
      ['cn-hangzhou', 'cn-beijing'],
      (s) => s.fn.functionName.startsWith('search-'),
    ],
  ];
  for (const [title, query, regions, predicate] of filters)
    it(`filters: ${title}`, async () => {
      const { rows, shortPages } = await scrollAll(t.get, query);
      const expected = rawFleet(t, regions).filter((r) => predicate(r.stored));
      expect(expected.length).toBeGreaterThan(10);
      expect(expected.length).toBeLessThan(all().length);
      expect(rows.map(rowKey)).toEqual(expectedOrder(expected, 'name', 'asc'));
      expect(shortPages).toEqual([]);
    });

  it('filters and sorts together: memorySize:desc over a prefix in two regions', async () => {
    const { rows } = await scrollAll(
      t.get,
      'region=cn-hangzhou,cn-beijing&sort=memorySize:desc&prefix=search-',
    );
    const expected = rawFleet(t, ['cn-hangzhou', 'cn-beijing']).filter((r) =>
      r.stored.fn.functionName.startsWith('search-'),
    );
    expect(rows.map(rowKey)).toEqual(expectedOrder(expected, 'memorySize', 'desc'));
  });

  it('finds two functions in 9,150 on the first page, and asks the cloud nothing for it', async () => {
    await t.ready();
    const calls = t.emulator.stats.count('ListFunctions');
    const res = await t.get('/api/functions?region=all&vSwitchId=vsw-rare-0001&limit=100');
    expect(res.status).toBe(200);
    expect(res.body.cursor).toBeUndefined();
    expect(res.body.complete).toBe(true);
    expect((res.body.functions as Row[]).map((r) => `${r.region}/${r.function.functionName}`).sort()).toEqual(
      rare.map(([region, name]) => `${region}/${name}`).sort(),
    );
    expect(t.emulator.stats.count('ListFunctions')).toBe(calls);
  });

  it('says how fresh every region in view is, on every page', async () => {
    const res = await t.get('/api/functions?region=all&limit=5');
    const regions = res.body.regions as {
      account: string;
      region: string;
      state: string;
      functions: number;
      stale: boolean;
    }[];
    expect(regions.map((r) => [r.account, r.region, r.state, r.functions, r.stale])).toEqual(
      REGIONS.map((region) => ['test', region, 'ready', t.emulator.fleet.region(region)?.size, false]),
    );
    const one = await t.get('/api/functions?region=cn-beijing&limit=5');
    expect((one.body.regions as { region: string }[]).map((r) => r.region)).toEqual(['cn-beijing']);
  });
});

describe('GET /api/functions: limits and pages', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 400, regions: ['cn-hangzhou'] } } });

  it('pages of 50 by default, of any size up to 100, with the same rows whatever the page size', async () => {
    const first = await t.get('/api/functions');
    expect((first.body.functions as Row[]).length).toBe(50);
    const sevens = await scrollAll(t.get, 'has=vpc', 7);
    const hundreds = await scrollAll(t.get, 'has=vpc', 100);
    expect(sevens.rows.map(rowKey)).toEqual(hundreds.rows.map(rowKey));
    expect(sevens.shortPages).toEqual([]);
    expect(sevens.requests).toBe(Math.ceil(hundreds.rows.length / 7));
  });

  it('ends without a cursor when the last page is exactly full, and with one when one row is left', async () => {
    const expected = rawFleet(t, ['cn-hangzhou']).filter((r) =>
      r.stored.fn.functionName.startsWith('billing-'),
    );
    const n = expected.length;
    expect(n).toBeGreaterThan(2);
    expect(n).toBeLessThanOrEqual(100);
    const exact = await t.get(`/api/functions?prefix=billing-&limit=${n}`);
    expect((exact.body.functions as Row[]).length).toBe(n);
    expect(exact.body.cursor).toBeUndefined();
    const short = await t.get(`/api/functions?prefix=billing-&limit=${n - 1}`);
    expect(typeof short.body.cursor).toBe('string');
    const rest = await t.get(
      `/api/functions?prefix=billing-&limit=${n - 1}&cursor=${String(short.body.cursor)}`,
    );
    expect((rest.body.functions as Row[]).map(rowKey)).toEqual([rawKey(expected.at(-1) as Raw)]);
    expect(rest.body.cursor).toBeUndefined();
  });

  it('answers every list and facet request from the index: ten identical views at once and every filter cost the cloud nothing', async () => {
    await t.ready();
    const calls = () => t.emulator.stats.count('ListFunctions') + t.emulator.stats.count('GetFunction');
    const before = calls();
    expect(before).toBeGreaterThan(0);
    const view = '/api/functions?limit=50&has=vpc';
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.get(view)));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.functions))).size).toBe(1);
    for (const path of [
      '/api/functions?limit=20&q=orders',
      '/api/functions?sort=lastModifiedTime:desc&region=all',
      '/api/functions?prefix=orders-&memoryMin=512',
      '/api/facets?has=vpc',
      '/api/facets?region=all&runtime=nodejs18',
      '/api/meta',
    ])
      expect((await t.get(path)).status, path).toBe(200);
    await scrollAll(t.get, 'region=all', 100);
    expect(calls()).toBe(before);
  });
});

describe('GET /api/functions: two accounts', () => {
  const t = createTestApp({
    emulator: { fleet: { functionsPerRegion: 300, regions: ['cn-hangzhou', 'cn-shanghai'] } },
    moreAccounts: [
      {
        alias: 'second',
        emulator: {
          fleet: {
            seed: 'second-account',
            accountId: '9999000011112222',
            functionsPerRegion: 250,
            regions: ['cn-hangzhou', 'cn-shenzhen'],
          },
        },
      },
    ],
  });
  const second = () => t.others[0]?.emulator ?? t.emulator;
  const both = (regionsA: string[], regionsB: string[]) => [
    ...rawFleet(t, regionsA),
    ...rawFleet(t, regionsB, 'second', second()),
  ];

  it('account=all&region=all merges both fleets into one order, every function of each once', async () => {
    const { rows } = await scrollAll(t.get, 'account=all&region=all');
    const expected = both(['cn-hangzhou', 'cn-shanghai'], ['cn-hangzhou', 'cn-shenzhen']);
    expect(new Set(rows.map((r) => r.account))).toEqual(new Set(['test', 'second']));
    expect(rows.map(rowKey)).toEqual(expectedOrder(expected, 'name', 'asc'));
  });

  it('a region both accounts have, sorted, lists both; one account lists only its own', async () => {
    const { rows } = await scrollAll(t.get, 'account=all&region=cn-hangzhou&sort=codeSize:desc');
    expect(rows.map(rowKey)).toEqual(
      expectedOrder(both(['cn-hangzhou'], ['cn-hangzhou']), 'codeSize', 'desc'),
    );
    const own = await scrollAll(t.get, 'account=second&region=all');
    expect(own.rows.map(rowKey)).toEqual(
      expectedOrder(both([], ['cn-hangzhou', 'cn-shenzhen']), 'name', 'asc'),
    );
    const inView = async (query: string) =>
      (
        (await t.get(`/api/functions?${query}&limit=1`)).body.regions as { account: string; region: string }[]
      ).map((r) => `${r.account}/${r.region}`);
    expect(await inView('account=all&region=all')).toEqual([
      'test/cn-hangzhou',
      'test/cn-shanghai',
      'second/cn-hangzhou',
      'second/cn-shenzhen',
    ]);
    expect(await inView('account=second&region=all')).toEqual(['second/cn-hangzhou', 'second/cn-shenzhen']);
    expect(await inView('account=all&region=cn-hangzhou')).toEqual([
      'test/cn-hangzhou',
      'second/cn-hangzhou',
    ]);
  });
});
