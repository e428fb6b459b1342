import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS, type Emulator } from '@fc-fleet/fc-emulator';
import { describe, expect, it } from 'vitest';
import type { Account } from './accounts/account.ts';
import { createApp } from './app.ts';
import { parseEnv } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { createTestApp, type Row, scrollAll } from './test-support/test-app.ts';
import { lazyTestStore } from './test-support/test-store.ts';

// The fault matrix, now that the cloud is read by sync passes: a pass either completes, and then
// the index is the cloud's fleet, or it fails, and then the region keeps its last good rows (pages
// read before the failure are written, nothing is deleted), is marked failed with the error in
// `/api/meta` and on every list page, and the next pass recovers with nothing but running.
type TestApp = ReturnType<typeof createTestApp>;
type Get = TestApp['get'];
type RegionSync = {
  account: string;
  region: string;
  state: string;
  syncedAt?: string;
  lastError?: { code: string; message: string };
};

const names = (emulator: Emulator, region: string) => emulator.fleet.region(region)?.allNames() ?? [];
const indexed = async (get: Get, region: string) =>
  (await scrollAll(get, `region=${region}`)).rows.map((r) => r.function.functionName);
const regionSync = async (get: Get, region: string) =>
  ((await get('/api/meta')).body.sync as RegionSync[]).find((s) => s.region === region);
const pageRegions = async (get: Get, region: string) =>
  (await get(`/api/functions?region=${region}&limit=1`)).body.regions as RegionSync[];

/** Deletes every 50th function of a region in the cloud: a complete pass must drop them, a failed one keep them. */
function deleteSome(emulator: Emulator, region: string): string[] {
  const gone = names(emulator, region).filter((_, i) => i % 50 === 3);
  for (const name of gone) emulator.deleteFunction(region, name);
  return gone;
}

describe('a pass that the cloud fails', () => {
  const failing: [string, Parameters<Emulator['setFaults']>[0], RegExp, Record<string, string>?][] = [
    ['5xx', { serverErrorRate: 1 }, /^(InternalServerError|ServiceUnavailable)$/],
    ['throttling', { throttleRate: 1, retryAfterMs: 20 }, /^Throttling\.User$/],
    ['truncated bodies', { truncateRate: 1 }, /^(MalformedResponse|InvalidResponse)$/],
    ['non-JSON bodies', { malformRate: 1 }, /^(MalformedResponse|InvalidResponse)$/],
    ['latency above the timeout', { latencyMs: 400 }, /^RequestTimeout$/, { FC_UPSTREAM_TIMEOUT_MS: '100' }],
  ];
  for (const [title, faults, code, env] of failing)
    it(`${title}: the region is failed with the cloud's code, keeps its rows, and the next pass recovers`, async () => {
      const t = createTestApp({ env, emulator: { fleet: { functionsPerRegion: 300 } } });
      await t.ready();
      const before = names(t.emulator, 'cn-hangzhou');
      const goodAt = (await regionSync(t.get, 'cn-hangzhou'))?.syncedAt;
      const gone = deleteSome(t.emulator, 'cn-hangzhou');
      t.emulator.setFaults(faults);
      const [report] = await t.sync.syncAll([{ account: 'test', region: 'cn-hangzhou' }]);
      t.emulator.setFaults({});
      expect(report?.complete).toBe(false);
      expect(report?.deleted).toBe(0);
      expect(report?.error?.code).toMatch(code);
      const status = await regionSync(t.get, 'cn-hangzhou');
      expect([status?.state, status?.syncedAt]).toEqual(['failed', goodAt]);
      expect(status?.lastError?.code).toMatch(code);
      const onPage = (await pageRegions(t.get, 'cn-hangzhou'))[0];
      expect([onPage?.state, onPage?.lastError?.code]).toEqual(['failed', status?.lastError?.code]);
      expect(await indexed(t.get, 'cn-hangzhou')).toEqual(before);
      expect((await t.get('/readyz')).status).toBe(200);
      expect((await regionSync(t.get, 'cn-shanghai'))?.state).toBe('ready');

      const [again] = await t.sync.syncAll([{ account: 'test', region: 'cn-hangzhou' }]);
      expect([again?.complete, again?.deleted]).toEqual([true, gone.length]);
      const recovered = await regionSync(t.get, 'cn-hangzhou');
      expect([recovered?.state, recovered?.lastError]).toEqual(['ready', undefined]);
      expect(await indexed(t.get, 'cn-hangzhou')).toEqual(names(t.emulator, 'cn-hangzhou'));
    });

  it('latency below the timeout is only slow', async () => {
    const t = createTestApp({
      env: { FC_UPSTREAM_TIMEOUT_MS: '300' },
      emulator: { fleet: { functionsPerRegion: 150, regions: ['cn-hangzhou'] }, faults: { latencyMs: 60 } },
    });
    const [report] = await t.sync.syncAll();
    expect(report?.complete).toBe(true);
    expect(await indexed(t.get, 'cn-hangzhou')).toEqual(names(t.emulator, 'cn-hangzhou'));
  });
});

describe('a pass that fails half-way', () => {
  it('writes the pages it read, deletes nothing, and the next pass finishes the job', async () => {
    const emulator = createEmulator({ fleet: { functionsPerRegion: 600, regions: ['cn-hangzhou'] } });
    let listCalls = 0;
    let failAfter = Number.POSITIVE_INFINITY;
    // The cloud starts failing after a number of ListFunctions answers: a fault in the middle of a pass.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (new Headers(init?.headers).get('x-acs-action') === 'ListFunctions' && ++listCalls > failAfter)
        emulator.setFaults({ serverErrorRate: 1 });
      return emulator.fetch(input, init);
    };
    const t = harness(emulator, { fetch });
    await t.sync.syncAll();
    const all = names(emulator, 'cn-hangzhou');
    const early = all[10] ?? '';
    const stored = emulator.fleet.region('cn-hangzhou')?.get(early);
    if (!stored) throw new Error('no function');
    emulator.putFunction('cn-hangzhou', { ...stored.fn, description: 'edited before the outage' });
    const gone = deleteSome(emulator, 'cn-hangzhou');
    // One FC 2.0 page and two pages of functions are read; the third page fails.
    listCalls = 0;
    failAfter = 3;
    const [report] = await t.sync.syncAll();
    emulator.setFaults({});
    expect([report?.complete, report?.pages, report?.deleted]).toEqual([false, 2, 0]);
    expect(report?.written).toBeGreaterThanOrEqual(1);
    const rows = (await scrollAll(t.get, '')).rows;
    expect(rows.map((r) => r.function.functionName)).toEqual(all);
    expect(rows.find((r) => r.function.functionName === early)?.function.description).toBe(
      'edited before the outage',
    );
    expect((await regionSync(t.get, 'cn-hangzhou'))?.state).toBe('failed');

    failAfter = Number.POSITIVE_INFINITY;
    const [again] = await t.sync.syncAll();
    expect([again?.complete, again?.deleted]).toEqual([true, gone.length]);
    expect(await indexed(t.get, 'cn-hangzhou')).toEqual(names(emulator, 'cn-hangzhou'));
  });
});

describe('random faults during passes', () => {
  const cases: [string, Parameters<Emulator['setFaults']>[0]][] = [
    ['30% throttling', { throttleRate: 0.3, retryAfterMs: 5 }],
    ['40% 5xx', { serverErrorRate: 0.4 }],
  ];
  for (const [title, faults] of cases)
    it(`${title}: every pass either completes with every function once or fails with the last good rows intact`, async () => {
      const t = createTestApp({
        emulator: { fleet: { functionsPerRegion: 1000, regions: ['cn-hangzhou'] } },
      });
      await t.ready();
      let good = names(t.emulator, 'cn-hangzhou');
      const outcomes: string[] = [];
      for (let pass = 0; pass < 4; pass++) {
        deleteSome(t.emulator, 'cn-hangzhou');
        t.emulator.putFunction('cn-hangzhou', { functionName: `zz-new-${pass}`, runtime: 'go1' });
        t.emulator.setFaults(faults);
        const [report] = await t.sync.syncAll();
        t.emulator.setFaults({});
        const { rows } = await scrollAll(t.get, '');
        const listed = rows.map((r) => r.function.functionName);
        expect(new Set(listed).size).toBe(listed.length);
        const status = await regionSync(t.get, 'cn-hangzhou');
        if (report?.complete) {
          outcomes.push('complete');
          good = names(t.emulator, 'cn-hangzhou');
          expect(listed).toEqual(good);
          expect(status?.state).toBe('ready');
        } else {
          outcomes.push(report?.error?.code ?? 'unknown');
          expect(report?.deleted).toBe(0);
          expect(good.filter((name) => !listed.includes(name))).toEqual([]);
          expect([status?.state, status?.lastError?.code]).toEqual(['failed', report?.error?.code]);
        }
      }
      // The emulator's faults and the retry budget are deterministic: these four passes include both outcomes.
      expect(outcomes).toContain('complete');
      expect(outcomes.filter((o) => o !== 'complete').length).toBeGreaterThan(0);
      const retries = t.metrics.total('fc_upstream_retries_total');
      const failures = t.metrics.total('fc_upstream_failures_total');
      expect(retries).toBeGreaterThan(3);
      // A pass ends at its first call that fails after its retries.
      expect(failures).toBe(outcomes.filter((o) => o !== 'complete').length);
      // The emulator counts the calls its faults let through: every refused attempt was retried or ended a pass.
      const refused = t.metrics.total('fc_upstream_calls_total') - t.emulator.stats.count('ListFunctions');
      expect(refused).toBe(retries + failures);
      if (faults.throttleRate) expect(t.metrics.total('fc_upstream_throttles_total')).toBe(refused);
      const [last] = await t.sync.syncAll();
      expect(last?.complete).toBe(true);
      expect(await indexed(t.get, 'cn-hangzhou')).toEqual(names(t.emulator, 'cn-hangzhou'));
    });
});

describe('a region that is down', () => {
  it('is failed while the others are ready; region=all still lists its last good rows', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 200 } } });
    await t.ready();
    const shanghai = names(t.emulator, 'cn-shanghai');
    t.emulator.deleteFunction('cn-shanghai', shanghai[0] ?? '');
    t.emulator.setFaults({ downRegions: ['cn-shanghai'] });
    await t.sync.syncAll();
    const sync = (await t.get('/api/meta')).body.sync as RegionSync[];
    expect(sync.map((s) => [s.region, s.state, s.lastError?.code])).toEqual([
      ['cn-hangzhou', 'ready', undefined],
      ['cn-shanghai', 'failed', 'ServiceUnavailable'],
      ['cn-beijing', 'ready', undefined],
    ]);
    const { rows } = await scrollAll(t.get, 'region=all');
    const byRegion = (region: string) =>
      rows.filter((r: Row) => r.region === region).map((r) => r.function.functionName);
    expect(byRegion('cn-shanghai')).toEqual(shanghai);
    expect(byRegion('cn-hangzhou')).toEqual(names(t.emulator, 'cn-hangzhou'));
    expect(byRegion('cn-beijing')).toEqual(names(t.emulator, 'cn-beijing'));
    expect((await t.get('/readyz')).status).toBe(200);
  });

  it('from the start: the others are listed, and the BFF is not ready until it has had a pass', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 50 }, faults: { downRegions: ['cn-beijing'] } },
    });
    const { rows } = await scrollAll(t.get, 'region=all');
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['cn-hangzhou', 'cn-shanghai']));
    expect(rows.length).toBe(100);
    const beijing = (await pageRegions(t.get, 'cn-beijing'))[0];
    expect([beijing?.state, beijing?.syncedAt, beijing?.lastError?.code]).toEqual([
      'failed',
      undefined,
      'ServiceUnavailable',
    ]);
    const ready = await t.get('/readyz');
    expect(ready.status).toBe(503);
    expect(String(ready.body.message)).toContain('test/cn-beijing (failed: ServiceUnavailable)');
    t.emulator.setFaults({});
    await t.sync.syncAll();
    expect((await t.get('/readyz')).status).toBe(200);
  });
});

/** The BFF over one emulator with an account the test builds itself (credentials, fetch). */
function harness(emulator: Emulator, overrides: Partial<Account> = {}) {
  const env = parseEnv({ FC_LOG_LEVEL: 'debug' });
  if (!env.ok) throw new Error(env.problems.join('; '));
  const account: Account = {
    alias: 'test',
    regions: emulator.fleet.regions(),
    endpoint: emulator.endpointTemplate('http://emulator.test'),
    fetch: emulator.fetch,
    upstreamRps: 1000,
    credentials: async () => DEFAULT_EMULATOR_CREDENTIALS,
    secrets: () => Object.values(DEFAULT_EMULATOR_CREDENTIALS),
    ...overrides,
  };
  const logs: string[] = [];
  const built = createApp({
    env: env.env,
    sql: lazyTestStore(),
    accounts: [account],
    demo: false,
    logger: createLogger({ level: 'debug', sink: (l) => logs.push(l), redact: account.secrets }),
    secret: 's'.repeat(40),
    version: 't',
    webDist: '/none',
  });
  const bodies: string[] = [];
  const get: Get = async (path, init) => {
    const res = await built.app.request(path, init);
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> };
  };
  return { ...built, get, logs, bodies };
}

describe('credentials that fail mid-pass', () => {
  it('a failing provider, then expired STS credentials: a failed region with a clear code, the data kept, no secret anywhere, then recovery', async () => {
    let now = Date.now();
    const emulator = createEmulator({
      fleet: { functionsPerRegion: 500, regions: ['cn-hangzhou'] },
      now: () => now,
    });
    const sts = {
      accessKeyId: 'STS.first',
      accessKeySecret: 'sts-secret-1',
      securityToken: 'token-1',
      expiresAt: now + 60_000,
    };
    emulator.credentials.add(sts);
    let mode: 'ok' | 'broken' | 'expiring' | 'rotated' = 'ok';
    let calls = 0;
    const t = harness(emulator, {
      credentials: async () => {
        calls++;
        // Both faults strike on the fourth call of a pass: after the FC 2.0 page and two pages of functions.
        if (mode === 'broken' && calls > 3) throw new Error('the STS endpoint did not answer');
        if (mode === 'expiring' && calls > 3) now = sts.expiresAt + 60_000;
        return mode === 'rotated' ? DEFAULT_EMULATOR_CREDENTIALS : sts;
      },
      secrets: () => [sts.accessKeySecret, sts.securityToken, DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret],
    });
    const [first] = await t.sync.syncAll();
    expect(first?.complete).toBe(true);
    const all = names(emulator, 'cn-hangzhou');
    const gone = deleteSome(emulator, 'cn-hangzhou');

    calls = 0;
    mode = 'broken';
    const [broken] = await t.sync.syncAll();
    expect([broken?.complete, broken?.pages, broken?.error?.code]).toEqual([
      false,
      2,
      'CredentialsUnavailable',
    ]);
    let status = await regionSync(t.get, 'cn-hangzhou');
    expect([status?.state, status?.lastError?.code]).toEqual(['failed', 'CredentialsUnavailable']);
    expect(status?.lastError?.message).toContain('the STS endpoint did not answer');
    expect(await indexed(t.get, 'cn-hangzhou')).toEqual(all);

    calls = 0;
    mode = 'expiring';
    const [expired] = await t.sync.syncAll();
    expect([expired?.complete, expired?.pages, expired?.error?.code]).toEqual([
      false,
      2,
      'InvalidSecurityToken.Expired',
    ]);
    status = (await pageRegions(t.get, 'cn-hangzhou'))[0];
    expect([status?.state, status?.lastError?.code]).toEqual(['failed', 'InvalidSecurityToken.Expired']);
    expect(await indexed(t.get, 'cn-hangzhou')).toEqual(all);
    expect((await t.get('/api/functions/cn-hangzhou/anything')).status).toBe(502);

    mode = 'rotated';
    const [recovered] = await t.sync.syncAll();
    expect([recovered?.complete, recovered?.deleted]).toEqual([true, gone.length]);
    expect(await indexed(t.get, 'cn-hangzhou')).toEqual(names(emulator, 'cn-hangzhou'));

    expect(t.logs.join('\n')).toMatch(/sync pass failed.*CredentialsUnavailable/);
    const text = t.bodies.join('\n') + t.logs.join('\n');
    for (const secret of [
      sts.accessKeySecret,
      sts.securityToken,
      DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
    ])
      expect(text).not.toContain(secret);
  });
});
