import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from '../test-support/test-app.ts';

describe('GET /api/functions: bad input', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
  const bad: [string, string, string][] = [
    ['limit=0', 'InvalidParameter', 'limit'],
    ['limit=101', 'InvalidParameter', 'limit'],
    ['limit=abc', 'InvalidParameter', 'limit'],
    ['limit=1&limit=2', 'InvalidParameter', 'more than once'],
    ['bogus=1', 'InvalidParameter', 'Unknown parameter "bogus"'],
    ['region=mars-1', 'UnknownRegion', 'mars-1'],
    ['region=cn-hangzhou,mars-1', 'UnknownRegion', 'mars-1'],
    ['account=nobody', 'UnknownAccount', 'nobody'],
    ['fcVersion=v4', 'InvalidParameter', 'fcVersion'],
    ['sort=size', 'InvalidParameter', 'sort'],
    ['sort=memorySize:up', 'InvalidParameter', 'sort'],
    ['has=vpc,cheese', 'InvalidParameter', 'has'],
    ['internetAccess=yes', 'InvalidParameter', 'internetAccess'],
    ['memoryMin=-1', 'InvalidParameter', 'memoryMin'],
    ['memoryMin=4096&memoryMax=128', 'InvalidParameter', 'memoryMin'],
    [`prefix=${'a'.repeat(129)}`, 'InvalidParameter', 'prefix'],
    ['q=%00', 'InvalidParameter', 'control characters'],
    ['tags==prod', 'InvalidParameter', 'tags'],
    ['vpcId=vpc%20abc', 'InvalidParameter', 'vpcId'],
    ['runtime=Python%203', 'InvalidParameter', 'runtime'],
    ['cursor=garbage', 'InvalidCursor', 'cursor'],
  ];
  for (const [query, code, mention] of bad) {
    it(`answers ${query.slice(0, 40)} with 400 ${code}`, async () => {
      const res = await t.get(`/api/functions?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(String(res.body.message)).toContain(mention);
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    });
  }

  it('refuses a tampered cursor, a cursor of another query and an expired cursor', async () => {
    let clock = Date.now();
    const timed = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } }, now: () => clock });
    const first = await timed.get('/api/functions?limit=10&prefix=a');
    const cursor = String(first.body.cursor);
    const flipped = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    expect((await timed.get(`/api/functions?limit=10&prefix=a&cursor=${flipped}`)).body.code).toBe(
      'InvalidCursor',
    );
    expect((await timed.get(`/api/functions?limit=10&prefix=b&cursor=${cursor}`)).body.code).toBe(
      'CursorMismatch',
    );
    expect((await timed.get(`/api/functions?limit=20&prefix=a&cursor=${cursor}`)).status).toBe(200);
    clock += 2 * 3_600_000;
    const expired = await timed.get(`/api/functions?limit=10&prefix=a&cursor=${cursor}`);
    expect([expired.status, expired.body.code]).toEqual([400, 'CursorExpired']);
  });
});

describe('GET /api/functions: upstream failures', () => {
  const failing: [
    string,
    Parameters<ReturnType<typeof createTestApp>['emulator']['setFaults']>[0],
    number,
    string,
  ][] = [
    ['5xx', { serverErrorRate: 1 }, 502, 'UpstreamUnavailable'],
    ['throttling', { throttleRate: 1, retryAfterMs: 20 }, 503, 'UpstreamThrottled'],
    ['truncated bodies', { truncateRate: 1 }, 502, 'UpstreamBadResponse'],
    ['non-JSON bodies', { malformRate: 1 }, 502, 'UpstreamBadResponse'],
  ];
  for (const [name, faults, status, code] of failing) {
    it(`turns upstream ${name} into ${status} ${code}, and recovers on the same cursor`, async () => {
      const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
      // A full upstream page (100) is consumed, so the next page must go to the cloud again.
      const first = await t.get('/api/functions?limit=100');
      t.emulator.setFaults(faults);
      const failed = await t.get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
      expect([failed.status, failed.body.code]).toEqual([status, code]);
      expect(String(failed.body.message)).toMatch(/^cn-hangzhou: Function Compute answered \S+/);
      if (status === 503 || code === 'UpstreamUnavailable')
        expect(Number(failed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      t.emulator.setFaults({});
      const again = await t.get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
      expect(again.status).toBe(200);
      const names = [...(first.body.functions as Row[]), ...(again.body.functions as Row[])].map(
        (r) => r.function.functionName,
      );
      expect(names).toEqual(t.emulator.fleet.region('cn-hangzhou')?.allNames().slice(0, 200));
    });
  }

  it('answers 504 UpstreamTimeout when the cloud is slower than the timeout', async () => {
    const t = createTestApp({
      env: { FC_UPSTREAM_TIMEOUT_MS: '100' },
      emulator: { fleet: { functionsPerRegion: 50 }, faults: { latencyMs: 400 } },
    });
    const res = await t.get('/api/functions');
    expect([res.status, res.body.code]).toEqual([504, 'UpstreamTimeout']);
  });

  it('reports a region that is down while the others answer, on every later page too', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 300 }, faults: { downRegions: ['cn-shanghai'] } },
    });
    const first = await t.get('/api/functions?region=all&limit=100');
    expect(first.status).toBe(200);
    expect(first.body.errors).toEqual([
      {
        account: 'test',
        region: 'cn-shanghai',
        code: 'ServiceUnavailable',
        message: 'The service is temporarily unavailable.',
      },
    ]);
    const rows = first.body.functions as Row[];
    expect(rows.length).toBe(100);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['cn-hangzhou', 'cn-beijing']));
    const second = await t.get(`/api/functions?region=all&limit=100&cursor=${first.body.cursor}`);
    expect((second.body.errors as { region: string }[])[0]?.region).toBe('cn-shanghai');
  });
});

describe('GET /api/functions: the cache spares the cloud', () => {
  it('costs the cloud the same for ten simultaneous identical views as for one, and nothing to repeat', async () => {
    const view = '/api/functions?limit=50&has=vpc';
    const single = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
    await single.get(view);
    const oneViewCalls = single.emulator.stats.count('ListFunctions');
    expect(oneViewCalls).toBeGreaterThanOrEqual(1);

    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
    const calls = () => t.emulator.stats.count('ListFunctions');
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.get(view)));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.functions))).size).toBe(1);
    expect(calls()).toBe(oneViewCalls);
    await t.get(view);
    expect(calls()).toBe(oneViewCalls);
    // Another extended filter reuses the cached pages: the fleet is 3 upstream pages in all.
    await t.get('/api/functions?limit=20&q=orders');
    expect(calls()).toBeLessThanOrEqual(3);
    const before = calls();
    await t.get('/api/functions?limit=50&prefix=orders-');
    expect(calls()).toBe(before + 1);
  });
});

describe('GET /api/functions/:region/:name', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 50 } } });
  it('returns the function with its state, redacted', async () => {
    const name = t.emulator.fleet.region('cn-shanghai')?.allNames()[3] ?? '';
    const res = await t.get(`/api/functions/cn-shanghai/${name}`);
    expect(res.status).toBe(200);
    const fn = (res.body as { function: Record<string, unknown> }).function;
    expect(fn.functionName).toBe(name);
    expect(fn.state).toMatch(/Active|Pending|Failed|Inactive/);
    for (const value of Object.values((fn.environmentVariables as Record<string, string>) ?? {}))
      expect(value).toBe('******');
  });
  it('answers 404 FunctionNotFound, 400 UnknownRegion and 400 for a bad name', async () => {
    expect((await t.get('/api/functions/cn-shanghai/no-such-function')).body.code).toBe('FunctionNotFound');
    expect((await t.get('/api/functions/cn-shanghai/no-such-function')).status).toBe(404);
    expect((await t.get('/api/functions/eu-west-1/x')).body.code).toBe('UnknownRegion');
    expect((await t.get('/api/functions/cn-shanghai/bad%0Aname')).status).toBe(400);
  });
});
