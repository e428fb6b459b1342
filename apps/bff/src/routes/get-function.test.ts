import { SECRET_MASK } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from '../test-support/test-app.ts';

type TestApp = ReturnType<typeof createTestApp>;
type FaultInput = Parameters<TestApp['emulator']['setFaults']>[0];

/** The list's row for one function of a region, or undefined when the list does not have it. */
async function listed(t: TestApp, region: string, name: string, extra = '') {
  const res = await t.get(
    `/api/functions?region=${region}&prefix=${encodeURIComponent(name)}&limit=100${extra}`,
  );
  expect(res.status).toBe(200);
  return (res.body.functions as Row[]).find((r) => r.function.functionName === name);
}

const stored = (t: TestApp, region: string, index: number) => {
  const fn = t.emulator.fleet.region(region)?.get(t.emulator.fleet.region(region)?.allNames()[index] ?? '');
  if (!fn) throw new Error(`no function ${index} in ${region}`);
  return fn;
};

describe('GET /api/functions/:region/:name', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 50 } } });

  it('returns the function with its live state, its secrets masked', async () => {
    const withEnv = [...(t.emulator.fleet.region('cn-shanghai')?.scan(undefined) ?? [])].find(
      (s) => Object.keys(s.fn.environmentVariables ?? {}).length > 0,
    );
    const name = withEnv?.fn.functionName ?? '';
    const res = await t.get(`/api/functions/cn-shanghai/${name}`);
    expect(res.status).toBe(200);
    expect([res.body.account, res.body.region]).toEqual(['test', 'cn-shanghai']);
    const fn = res.body.function as Record<string, unknown>;
    expect(fn.functionName).toBe(name);
    expect(fn.state).toBe(withEnv?.status.state);
    expect(fn.lastUpdateStatus).toBe(withEnv?.status.lastUpdateStatus);
    const env = fn.environmentVariables as Record<string, string>;
    expect(Object.keys(env).sort()).toEqual(Object.keys(withEnv?.fn.environmentVariables ?? {}).sort());
    for (const value of Object.values(env)) expect(value).toBe(SECRET_MASK);
  });

  it('answers 404 FunctionNotFound, 400 UnknownRegion, UnknownAccount, a bad name and an unknown parameter', async () => {
    const cases: [string, number, string][] = [
      ['/api/functions/cn-shanghai/no-such-function', 404, 'FunctionNotFound'],
      ['/api/functions/eu-west-1/x', 400, 'UnknownRegion'],
      ['/api/functions/cn-shanghai/x?account=nobody', 400, 'UnknownAccount'],
      ['/api/functions/cn-shanghai/bad%0Aname', 400, 'InvalidParameter'],
      [`/api/functions/cn-shanghai/${'n'.repeat(129)}`, 400, 'InvalidParameter'],
      ['/api/functions/cn-shanghai/x?debug=1', 400, 'InvalidParameter'],
    ];
    const calls = t.emulator.stats.count('GetFunction');
    for (const [path, status, code] of cases) {
      const res = await t.get(path);
      expect([res.status, res.body.code], path).toEqual([status, code]);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    }
    // Only the well-formed request reached the cloud.
    expect(t.emulator.stats.count('GetFunction')).toBe(calls + 1);
  });

  const failing: [string, FaultInput, number, string][] = [
    ['5xx', { serverErrorRate: 1 }, 502, 'UpstreamUnavailable'],
    ['throttling', { throttleRate: 1, retryAfterMs: 20 }, 503, 'UpstreamThrottled'],
    ['truncated bodies', { truncateRate: 1 }, 502, 'UpstreamBadResponse'],
    ['non-JSON bodies', { malformRate: 1 }, 502, 'UpstreamBadResponse'],
    ['a region that is down', { downRegions: ['cn-beijing'] }, 502, 'UpstreamUnavailable'],
  ];
  for (const [title, faults, status, code] of failing)
    it(`turns upstream ${title} into ${status} ${code}, keeps the row in the list, and recovers`, async () => {
      const name = stored(t, 'cn-beijing', 7).fn.functionName;
      await t.ready();
      t.emulator.setFaults(faults);
      try {
        const res = await t.get(`/api/functions/cn-beijing/${name}`);
        expect([res.status, res.body.code]).toEqual([status, code]);
        expect(String(res.body.message)).toMatch(/^cn-beijing: Function Compute answered \S+/);
        if (status === 503 || code === 'UpstreamUnavailable')
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      } finally {
        t.emulator.setFaults({});
      }
      expect((await listed(t, 'cn-beijing', name))?.function.functionName).toBe(name);
      expect((await t.get(`/api/functions/cn-beijing/${name}`)).status).toBe(200);
    });
});

describe('GET /api/functions/:region/:name repairs the index', () => {
  it('writes a newer version of the function, so the list shows it without a pass', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 60 } } });
    await t.ready();
    const { fn } = stored(t, 'cn-hangzhou', 11);
    const memorySize = fn.memorySize === 3072 ? 4096 : 3072;
    t.emulator.putFunction('cn-hangzhou', { ...fn, memorySize, description: 'resized by hand' });
    expect((await listed(t, 'cn-hangzhou', fn.functionName))?.function.memorySize).toBe(fn.memorySize);
    const lists = t.emulator.stats.count('ListFunctions');
    const res = await t.get(`/api/functions/cn-hangzhou/${fn.functionName}`);
    expect((res.body.function as Record<string, unknown>).memorySize).toBe(memorySize);
    const row = await listed(t, 'cn-hangzhou', fn.functionName);
    expect([row?.function.memorySize, row?.function.description]).toEqual([memorySize, 'resized by hand']);
    // The drawer's live state stays in the drawer; the list shows what a pass would store.
    expect(row?.function).not.toHaveProperty('state');
    const sorted = await t.get(
      `/api/functions?sort=memorySize:desc&memoryMin=${memorySize}&memoryMax=${memorySize}&limit=100`,
    );
    expect((sorted.body.functions as Row[]).map((r) => r.function.functionName)).toContain(fn.functionName);
    expect(t.emulator.stats.count('ListFunctions')).toBe(lists);
    // A repair writes what a pass writes: the next pass finds nothing to change.
    const [report] = await t.sync.syncAll([{ account: 'test', region: 'cn-hangzhou' }]);
    expect([report?.complete, report?.written]).toEqual([true, 0]);
  });

  it('adds a function created after the pass, and keeps an FC 2.0 function FC 2.0', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 200, regions: ['cn-hangzhou'] } } });
    const v2 = [...(t.emulator.fleet.region('cn-hangzhou')?.scan(undefined) ?? [])].find(
      (s) => s.fcVersion === 'v2',
    );
    if (!v2) throw new Error('the fleet has no FC 2.0 function');
    await t.ready();
    t.emulator.putFunction('cn-hangzhou', {
      functionName: 'made-after-the-pass',
      runtime: 'go1',
      memorySize: 256,
    });
    expect(await listed(t, 'cn-hangzhou', 'made-after-the-pass')).toBeUndefined();
    expect((await t.get('/api/functions/cn-hangzhou/made-after-the-pass')).status).toBe(200);
    expect((await listed(t, 'cn-hangzhou', 'made-after-the-pass'))?.function.runtime).toBe('go1');

    t.emulator.putFunction('cn-hangzhou', { ...v2.fn, memorySize: 8192 }, 'v2');
    expect((await t.get(`/api/functions/cn-hangzhou/${v2.fn.functionName}`)).status).toBe(200);
    expect((await listed(t, 'cn-hangzhou', v2.fn.functionName, '&fcVersion=v2'))?.function.memorySize).toBe(
      8192,
    );
    expect(await listed(t, 'cn-hangzhou', v2.fn.functionName, '&fcVersion=v3')).toBeUndefined();
  });

  it('removes a function the cloud no longer has: 404, and the list and the counts lose it', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 60 } } });
    const { fn } = stored(t, 'cn-shanghai', 5);
    const total = async () => (await t.get('/api/facets?region=cn-shanghai')).body.total;
    expect(await total()).toBe(60);
    t.emulator.deleteFunction('cn-shanghai', fn.functionName);
    expect((await listed(t, 'cn-shanghai', fn.functionName))?.function.functionName).toBe(fn.functionName);
    const res = await t.get(`/api/functions/cn-shanghai/${fn.functionName}`);
    expect([res.status, res.body.code]).toEqual([404, 'FunctionNotFound']);
    expect(await listed(t, 'cn-shanghai', fn.functionName)).toBeUndefined();
    expect(await total()).toBe(59);
    // The other regions lose nothing.
    expect((await t.get('/api/facets?region=all')).body.total).toBe(179);
  });

  it('repairs only the account asked for', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 30, regions: ['cn-hangzhou'] } },
      moreAccounts: [
        {
          alias: 'second',
          emulator: { fleet: { seed: 'other', functionsPerRegion: 30, regions: ['cn-hangzhou'] } },
        },
      ],
    });
    const theirs = t.others[0]?.emulator.fleet.region('cn-hangzhou')?.allNames()[3] ?? '';
    expect(t.emulator.fleet.region('cn-hangzhou')?.get(theirs)).toBeUndefined();
    expect((await t.get(`/api/functions/cn-hangzhou/${theirs}`)).status).toBe(404);
    const res = await t.get(`/api/functions/cn-hangzhou/${theirs}?account=second`);
    expect([res.status, res.body.account]).toEqual([200, 'second']);
    const still = await t.get(`/api/functions?account=second&prefix=${theirs}&limit=100`);
    expect((still.body.functions as Row[]).some((r) => r.function.functionName === theirs)).toBe(true);
  });
});
