import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { describe, expect, it } from 'vitest';
import type { Account } from './accounts/account.ts';
import { createApp } from './app.ts';
import { parseEnv } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { createTestApp, type Row } from './test-support/test-app.ts';

// The fault matrix through the BFF: what the caller sees, that rows already loaded stay valid
// (the cursor still works), and that recovery needs nothing but asking again.
describe('faults through the BFF', () => {
  it('30% throttling: retries within the budget absorb most, the rest is a 503 with Retry-After, and every function arrives once', async () => {
    const t = createTestApp({
      emulator: {
        fleet: { functionsPerRegion: 3000, regions: ['cn-hangzhou'] },
        faults: { throttleRate: 0.3, retryAfterMs: 5 },
      },
    });
    const names: string[] = [];
    let cursor: string | undefined;
    let refusals = 0;
    for (let guard = 0; guard < 300; guard++) {
      const res = await t.get(`/api/functions?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      if (res.status !== 200) {
        refusals++;
        expect([res.status, res.body.code, res.headers.get('retry-after')]).toEqual([
          503,
          'UpstreamThrottled',
          '1',
        ]);
        continue;
      }
      names.push(...(res.body.functions as Row[]).map((r) => r.function.functionName));
      cursor = res.body.cursor as string | undefined;
      if (!cursor) break;
    }
    expect(names).toEqual(t.emulator.fleet.region('cn-hangzhou')?.allNames());
    const throttles = t.metrics.total('fc_upstream_throttles_total');
    const retries = t.metrics.total('fc_upstream_retries_total');
    expect(throttles).toBeGreaterThan(3);
    // Every throttle is either retried or handed to the caller: nothing is retried beyond the budget.
    expect(retries + refusals).toBe(throttles);
    expect(refusals).toBeLessThan(15);
  });

  it('5xx bursts at 40%: retries absorb most; a failure is a clean 502 and the same cursor recovers', async () => {
    const t = createTestApp({
      emulator: {
        fleet: { functionsPerRegion: 2000, regions: ['cn-hangzhou'] },
        faults: { serverErrorRate: 0.4 },
      },
    });
    const names: string[] = [];
    let cursor: string | undefined;
    let failures = 0;
    for (let guard = 0; guard < 200; guard++) {
      const res = await t.get(`/api/functions?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      if (res.status !== 200) {
        failures++;
        expect([res.status, res.body.code]).toEqual([502, 'UpstreamUnavailable']);
        continue;
      }
      names.push(...(res.body.functions as Row[]).map((r) => r.function.functionName));
      cursor = res.body.cursor as string | undefined;
      if (!cursor) break;
    }
    expect(names).toEqual(t.emulator.fleet.region('cn-hangzhou')?.allNames());
    expect(failures).toBeLessThan(10);
  });

  it('latency below the timeout is only slow; above it is a 504 that a later request gets past', async () => {
    const t = createTestApp({
      env: { FC_UPSTREAM_TIMEOUT_MS: '300' },
      emulator: { fleet: { functionsPerRegion: 300 }, faults: { latencyMs: 150 } },
    });
    expect((await t.get('/api/functions?limit=100')).status).toBe(200);
    const first = await t.get('/api/functions?limit=100');
    t.emulator.setFaults({ latencyMs: 600 });
    const slow = await t.get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
    expect([slow.status, slow.body.code]).toEqual([504, 'UpstreamTimeout']);
    t.emulator.setFaults({});
    expect((await t.get(`/api/functions?limit=100&cursor=${first.body.cursor}`)).status).toBe(200);
  });

  it('a credentials provider that fails, or STS credentials that expire, mid-scroll: a clear error, then recovery', async () => {
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
    let mode: 'ok' | 'broken' | 'rotated' = 'ok';
    const account: Account = {
      alias: 'test',
      regions: ['cn-hangzhou'],
      endpoint: emulator.endpointTemplate('http://emulator.test'),
      fetch: emulator.fetch,
      upstreamRps: 1000,
      credentials: async () => {
        if (mode === 'broken') throw new Error('the STS endpoint did not answer');
        return mode === 'rotated' ? DEFAULT_EMULATOR_CREDENTIALS : sts;
      },
      secrets: () => [sts.accessKeySecret, sts.securityToken],
    };
    const env = parseEnv({ FC_CACHE_TTL_SECONDS: '0', FC_CACHE_STALE_SECONDS: '0' });
    if (!env.ok) throw new Error('env');
    const logs: string[] = [];
    const { app } = createApp({
      env: env.env,
      accounts: [account],
      demo: false,
      logger: createLogger({ sink: (l) => logs.push(l), redact: account.secrets }),
      secret: 's'.repeat(40),
      version: 't',
      webDist: '/none',
    });
    const get = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const first = await get('/api/functions?limit=100');
    expect(first.status).toBe(200);
    mode = 'broken';
    const broken = await get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
    expect([broken.status, broken.body.code]).toEqual([503, 'CredentialsUnavailable']);
    expect(String(broken.body.message)).toContain('the STS endpoint did not answer');
    mode = 'ok';
    now += 120_000;
    const expired = await get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
    expect([expired.status, expired.body.code]).toEqual([502, 'UpstreamAuthFailed']);
    expect(String(expired.body.message)).toContain('InvalidSecurityToken.Expired');
    mode = 'rotated';
    const recovered = await get(`/api/functions?limit=100&cursor=${first.body.cursor}`);
    expect(recovered.status).toBe(200);
    const names = [...(first.body.functions as Row[]), ...(recovered.body.functions as Row[])].map(
      (r) => r.function.functionName,
    );
    expect(names).toEqual(emulator.fleet.region('cn-hangzhou')?.allNames().slice(0, 200));
    const text = JSON.stringify([broken, expired, recovered]) + logs.join('\n');
    for (const secret of [
      sts.accessKeySecret,
      sts.securityToken,
      DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
    ])
      expect(text).not.toContain(secret);
  });
});
