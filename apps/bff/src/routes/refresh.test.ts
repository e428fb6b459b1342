import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from '../test-support/test-app.ts';

type TestApp = ReturnType<typeof createTestApp>;
type RegionSync = { account: string; region: string; state: string; syncedAt?: string };

const HANGZHOU = { account: 'test', region: 'cn-hangzhou' };
// A peer address tells clients apart; with a socket, FC_AUTH=none wants a loopback Host at PORT.
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const post = (t: TestApp, query = '', headers: Record<string, string> = {}, address = '127.0.0.1') =>
  t.request(
    `/api/refresh${query}`,
    { method: 'POST', headers: { host: 'localhost:8080', ...headers } },
    from(address),
  );

/** Asks `/api/meta` until the region has finished a pass after `after`; bounded, so a refresh that never runs fails. */
async function syncedAfter(t: TestApp, region: string, after: string): Promise<RegionSync> {
  for (let i = 0; i < 500; i++) {
    const sync = (await t.get('/api/meta')).body.sync as RegionSync[];
    const status = sync.find((s) => s.region === region);
    if (status?.state === 'ready' && status.syncedAt && status.syncedAt > after) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${region} did not finish a pass after ${after}`);
}

const syncedAt = async (t: TestApp, region: string) =>
  ((await t.get('/api/meta')).body.sync as RegionSync[]).find((s) => s.region === region)?.syncedAt ?? '';

describe('POST /api/refresh', () => {
  it('picks up a change in the cloud without waiting for the interval', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 100 } } });
    const before = await syncedAt(t, 'cn-hangzhou');
    t.emulator.putFunction('cn-hangzhou', {
      functionName: 'aaa-just-deployed',
      runtime: 'nodejs20',
      memorySize: 1024,
    });
    expect((await t.get('/api/functions?prefix=aaa-just')).body.functions).toEqual([]);
    const res = await post(t);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { requested: unknown; regions: RegionSync[] };
    expect(body.requested).toEqual([HANGZHOU]);
    expect(body.regions.map((r) => r.region)).toEqual(['cn-hangzhou']);
    await syncedAfter(t, 'cn-hangzhou', before);
    const rows = (await t.get('/api/functions?prefix=aaa-just')).body.functions as Row[];
    expect(rows.map((r) => [r.function.functionName, r.function.runtime])).toEqual([
      ['aaa-just-deployed', 'nodejs20'],
    ]);
  });

  it('refreshes the regions asked for, and refuses regions and parameters it does not know', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 20 } } });
    const all = await post(t, '?region=all');
    expect(((await all.json()) as { requested: unknown }).requested).toEqual(
      ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'].map((region) => ({ account: 'test', region })),
    );
    const two = await post(t, '?region=cn-beijing,cn-shanghai', {}, '127.0.0.2');
    // In the account's order of regions, whatever the order asked.
    expect(((await two.json()) as { requested: unknown }).requested).toEqual([
      { account: 'test', region: 'cn-shanghai' },
      { account: 'test', region: 'cn-beijing' },
    ]);
    for (const [query, code] of [
      ['?region=mars-1', 'UnknownRegion'],
      ['?account=nobody', 'UnknownAccount'],
      ['?limit=5', 'InvalidParameter'],
    ]) {
      const res = await post(t, query, {}, '127.0.0.3');
      expect([res.status, ((await res.json()) as { code: string }).code], query).toEqual([400, code]);
    }
  });

  it('starts one pass for refreshes that arrive together', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 300, regions: ['cn-hangzhou'] }, faults: { latencyMs: 40 } },
    });
    await t.ready();
    const onePass = t.emulator.stats.count('ListFunctions');
    expect(onePass).toBeGreaterThanOrEqual(4);
    const before = await syncedAt(t, 'cn-hangzhou');
    const answers = await Promise.all(['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((a) => post(t, '', {}, a)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(t.sync.isRunning(HANGZHOU)).toBe(true);
    // One more while the pass runs is answered, and joins it.
    expect((await post(t, '', {}, '127.0.0.4')).status).toBe(202);
    await syncedAfter(t, 'cn-hangzhou', before);
    expect(t.emulator.stats.count('ListFunctions')).toBe(2 * onePass);
  });

  it('limits each client to FC_REFRESH_PER_MINUTE with 429 RateLimited and Retry-After', async () => {
    let clock = Date.now();
    const t = createTestApp({
      env: { FC_REFRESH_PER_MINUTE: '2' },
      emulator: { fleet: { functionsPerRegion: 10 } },
      now: () => clock,
    });
    expect((await post(t, '', {}, '10.1.1.1')).status).toBe(202);
    clock += 1_000;
    expect((await post(t, '', {}, '10.1.1.1')).status).toBe(202);
    clock += 9_000;
    const limited = await post(t, '', {}, '10.1.1.1');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('RateLimited');
    expect(Number(limited.headers.get('retry-after'))).toBe(50);
    // Another client has its own allowance; the first gets one back when its oldest refresh is a minute old.
    expect((await post(t, '', {}, '10.1.1.2')).status).toBe(202);
    clock += 50_000;
    expect((await post(t, '', {}, '10.1.1.1')).status).toBe(202);
    expect((await post(t, '', {}, '10.1.1.1')).status).toBe(429);
  });

  it('is a POST from the dashboard itself: GET is not a route, and a cross-site POST is refused without starting a pass', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 100 }, faults: { latencyMs: 20 } } });
    await t.ready();
    const get = await t.get('/api/refresh');
    expect([404, 405]).toContain(get.status);
    expect(['NotFound', 'MethodNotAllowed']).toContain(get.body.code);
    const calls = t.emulator.stats.count('ListFunctions');
    const before = await syncedAt(t, 'cn-hangzhou');
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of refused) {
      const res = await post(t, '', headers);
      expect([res.status, ((await res.json()) as { code: string }).code], JSON.stringify(headers)).toEqual([
        403,
        'Forbidden',
      ]);
      expect(t.sync.isRunning(HANGZHOU)).toBe(false);
    }
    expect(t.emulator.stats.count('ListFunctions')).toBe(calls);
    const ours = await post(t, '', { 'sec-fetch-site': 'same-origin' });
    expect(ours.status).toBe(202);
    expect(t.sync.isRunning(HANGZHOU)).toBe(true);
    await syncedAfter(t, 'cn-hangzhou', before);
  });

  it('needs the same sign-in as every other API route', async () => {
    const token = 'a-long-dashboard-token-0123456789';
    const t = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: token },
      emulator: { fleet: { functionsPerRegion: 10 } },
    });
    expect((await post(t)).status).toBe(401);
    expect(t.sync.isRunning(HANGZHOU)).toBe(false);
    expect((await post(t, '', { authorization: `Bearer ${token}` })).status).toBe(202);
  });
});
