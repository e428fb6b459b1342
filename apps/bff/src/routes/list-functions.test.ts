import { describe, expect, it } from 'vitest';
import { createTestApp, type Row, scrollAll } from '../test-support/test-app.ts';

type Fn = Row['function'] & {
  vpcConfig?: { vpcId?: string; vSwitchIds?: string[] };
  nasConfig?: { mountPoints?: unknown[] };
  runtime?: string;
  memorySize?: number;
};

const tenK = () =>
  createTestApp({
    emulator: {
      fleet: { functionsPerRegion: 10_000, regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'] },
    },
  });

describe('GET /api/functions: scrolling', () => {
  const t = tenK();
  const all = (region: string) =>
    [...(t.emulator.fleet.region(region)?.scan(undefined) ?? [])].map((s) => s.fn as Fn);

  const cases: [string, string, (fn: Fn) => boolean][] = [
    ['no filter', '', () => true],
    ['native prefix', 'prefix=payments-', (fn) => fn.functionName.startsWith('payments-')],
    ['extended has=vpc', 'has=vpc', (fn) => Boolean(fn.vpcConfig?.vpcId)],
    [
      'native runtime + extended has=nas + memoryMin',
      'runtime=python3.10&has=nas&memoryMin=512',
      (fn) =>
        fn.runtime === 'python3.10' &&
        Boolean(fn.nasConfig?.mountPoints?.length) &&
        (fn.memorySize ?? 0) >= 512,
    ],
  ];
  for (const [name, query, predicate] of cases) {
    it(`lists every matching function of a 10,000-function region exactly once, in order: ${name}`, async () => {
      const { rows, shortPages } = await scrollAll(t.get, query);
      const expected = all('cn-hangzhou')
        .filter(predicate)
        .map((f) => f.functionName);
      expect(expected.length).toBeGreaterThan(20);
      expect(rows.map((r) => r.function.functionName)).toEqual(expected);
      expect(shortPages).toEqual([]);
      expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['cn-hangzhou']));
    });
  }

  it('merges three regions into one name order, every function of each once', async () => {
    const { rows } = await scrollAll(t.get, 'region=all&has=gpu');
    const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
    const expected = regions
      .flatMap((region, idx) =>
        all(region)
          .filter((fn) => Boolean((fn as { gpuConfig?: unknown }).gpuConfig))
          .map((fn) => ({ name: fn.functionName, idx, region })),
      )
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.idx - b.idx));
    expect(expected.length).toBeGreaterThan(500);
    expect(rows.map((r) => `${r.region}/${r.function.functionName}`)).toEqual(
      expected.map((e) => `${e.region}/${e.name}`),
    );
  });

  it('merges three whole 10,000-function regions with no loss and no repeat', async () => {
    const { rows } = await scrollAll(t.get, 'region=all');
    expect(rows.length).toBe(30_000);
    expect(new Set(rows.map((r) => `${r.region}/${r.function.functionName}`)).size).toBe(30_000);
  });

  it('sorts by memorySize descending across regions, ties by name, each function once', async () => {
    const { rows } = await scrollAll(
      t.get,
      'region=cn-hangzhou,cn-beijing&sort=memorySize:desc&prefix=search-',
    );
    const mems = rows.map((r) => (r.function as Fn).memorySize ?? 0);
    expect(mems).toEqual([...mems].sort((a, b) => b - a));
    const expected = [...all('cn-hangzhou'), ...all('cn-beijing')].filter((f) =>
      f.functionName.startsWith('search-'),
    );
    expect(rows.length).toBe(expected.length);
    expect(new Set(rows.map((r) => `${r.region}/${r.function.functionName}`)).size).toBe(expected.length);
  });
});

describe('GET /api/functions: rare matches and the scan budget', () => {
  const planted = (t: ReturnType<typeof createTestApp>, region: string, n: number) => {
    const names = t.emulator.fleet.region(region)?.allNames() ?? [];
    const picked = names.filter((_, i) => i % Math.floor(names.length / n) === 7).slice(0, n);
    for (const name of picked) {
      const stored = t.emulator.fleet.region(region)?.get(name);
      if (stored)
        t.emulator.putFunction(region, {
          ...stored.fn,
          vpcConfig: { vpcId: 'vpc-rare', vSwitchIds: ['vsw-rare-0001'], securityGroupId: 'sg-rare' },
        });
    }
    return picked;
  };

  it('finds 1-in-5,000 matches in one request when the budget covers the fleet', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 10_000, regions: ['cn-hangzhou'] } },
    });
    const picked = planted(t, 'cn-hangzhou', 2);
    const res = await t.get('/api/functions?vSwitchId=vsw-rare-0001&limit=100');
    expect(res.body.complete).toBe(true);
    expect(res.body.cursor).toBeUndefined();
    expect((res.body.functions as Row[]).map((r) => r.function.functionName)).toEqual(picked);
    expect(res.body.scanned).toBe(10_000);
  });

  it('says complete:false with a cursor when the budget runs out, and the scroll still finds every match once', async () => {
    const t = createTestApp({
      env: { FC_SCAN_MAX_PAGES: '7' },
      emulator: { fleet: { functionsPerRegion: 10_000, regions: ['cn-hangzhou', 'cn-shanghai'] } },
    });
    const picked = [
      ...planted(t, 'cn-hangzhou', 2).map((n) => `cn-hangzhou/${n}`),
      ...planted(t, 'cn-shanghai', 2).map((n) => `cn-shanghai/${n}`),
    ];
    const first = await t.get('/api/functions?region=all&vpcId=vpc-rare&limit=10');
    expect(first.body.complete).toBe(false);
    expect(typeof first.body.cursor).toBe('string');
    const { rows, requests } = await scrollAll(t.get, 'region=all&vpcId=vpc-rare', 10);
    expect(rows.map((r) => `${r.region}/${r.function.functionName}`).sort()).toEqual(picked.sort());
    const names = rows.map((r) => r.function.functionName);
    expect(names).toEqual([...names].sort());
    expect(requests).toBeGreaterThan(2);
  });
});
