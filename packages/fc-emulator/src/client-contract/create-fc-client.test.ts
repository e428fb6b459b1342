import {
  createFcClient,
  createRetryBudget,
  type FcClientEvent,
  type FcClientOptions,
  FcRequestError,
} from '@fc-fleet/fc-api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  DEFAULT_EMULATOR_CREDENTIALS,
  type Emulator,
  type FaultOptionsInput,
} from '../index.ts';

function clientFor(emulator: Emulator, extra: Partial<FcClientOptions> = {}) {
  const events: FcClientEvent[] = [];
  const client = createFcClient({
    region: 'cn-hangzhou',
    endpoint: 'http://emulator.test/regions/{region}',
    credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
    fetch: emulator.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { client, events };
}

const faulty = (faults: FaultOptionsInput) => createEmulator({ fleet: { functionsPerRegion: 50 }, faults });

describe('FC client against the emulator: paging', () => {
  let emulator: Emulator;
  beforeAll(() => {
    emulator = createEmulator({ fleet: { functionsPerRegion: 10_000, regions: ['cn-hangzhou'] } });
  });

  for (const limit of [100, 37]) {
    it(`lists every function of a 10,000-function region exactly once (limit ${limit})`, async () => {
      const { client } = clientFor(emulator);
      const names: string[] = [];
      let pages = 0;
      for await (const page of client.pages({ limit })) {
        pages++;
        names.push(...page.functions.map((f) => f.functionName));
      }
      expect(names.length).toBe(10_000);
      expect(new Set(names).size).toBe(10_000);
      expect(names).toEqual(emulator.fleet.region('cn-hangzhou')?.allNames());
      expect(pages).toBe(Math.ceil(10_000 / limit));
    });
  }

  it('passes native filters through: prefix, runtime and tags together', async () => {
    const { client } = clientFor(emulator);
    const got: string[] = [];
    const query = {
      prefix: 'payments-',
      runtime: 'python3.10',
      tags: [{ Key: 'env', Value: 'prod' }],
      limit: 100,
    };
    for await (const page of client.pages(query)) got.push(...page.functions.map((f) => f.functionName));
    const expected = [...(emulator.fleet.region('cn-hangzhou')?.scan(undefined, 'payments-') ?? [])]
      .filter(
        (s) => s.fn.runtime === 'python3.10' && s.fn.tags?.some((t) => t.Key === 'env' && t.Value === 'prod'),
      )
      .map((s) => s.fn.functionName);
    expect(expected.length).toBeGreaterThan(10);
    expect(got).toEqual(expected);
  });

  it('refuses a bad query before sending anything', async () => {
    const { client, events } = clientFor(emulator);
    const res = await client.listFunctions({ limit: 0 });
    expect(res.ok ? 'ok' : res.error.code).toBe('InvalidClientRequest');
    expect(events).toEqual([]);
  });

  it('gets one function with state, and a 404 as FunctionNotFound', async () => {
    const { client } = clientFor(emulator);
    const name = emulator.fleet.region('cn-hangzhou')?.allNames()[42] ?? '';
    const got = await client.getFunction(name);
    expect(got.ok && got.value.functionName).toBe(name);
    expect(got.ok && got.value.state).toMatch(/Active|Pending|Inactive|Failed/);
    const missing = await client.getFunction('gone-fn');
    expect(
      missing.ok ? undefined : [missing.error.code, missing.error.httpStatus, missing.error.retryable],
    ).toEqual(['FunctionNotFound', 404, false]);
  });

  it('signs awkward function names in the path correctly', async () => {
    const { client } = clientFor(emulator);
    const name = "odd name*(v1)~'é";
    emulator.putFunction('cn-hangzhou', { functionName: name, runtime: 'python3.10' });
    const got = await client.getFunction(name);
    expect(got.ok ? got.value.functionName : got.error).toBe(name);
  });
});

describe('FC client: retries, timeouts and aborts', () => {
  it('retries throttling until every page arrives, and reports the throttles', async () => {
    const emulator = createEmulator({
      fleet: { functionsPerRegion: 2000, regions: ['cn-hangzhou'] },
      faults: { throttleRate: 0.3 },
    });
    const { client, events } = clientFor(emulator, {
      retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const names: string[] = [];
    for await (const page of client.pages({ limit: 100 }))
      names.push(...page.functions.map((f) => f.functionName));
    expect(new Set(names).size).toBe(2000);
    expect(events.filter((e) => e.type === 'throttled').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'retry').length).toBe(
      events.filter((e) => e.type === 'throttled').length,
    );
  });

  it('waits at least x-acs-retry-after and gives up after maxAttempts', async () => {
    const { client, events } = clientFor(faulty({ throttleRate: 1, retryAfterMs: 40 }), {
      random: () => 0,
      retry: { maxAttempts: 3, baseDelayMs: 1 },
    });
    const res = await client.listFunctions();
    expect(
      res.ok ? undefined : [res.error.code, res.error.httpStatus, res.error.attempts, res.error.retryAfterMs],
    ).toEqual(['Throttling.User', 429, 3, 40]);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.delayMs : 0))).toEqual(
      [40, 40],
    );
  });

  it('does not retry when the server asks to wait longer than allowed', async () => {
    const { client } = clientFor(faulty({ throttleRate: 1, retryAfterMs: 60_000 }));
    const res = await client.listFunctions();
    expect(res.ok ? undefined : [res.error.code, res.error.attempts]).toEqual(['Throttling.User', 1]);
  });

  it('stops retrying 5xx when the shared retry budget is spent', async () => {
    const retryBudget = createRetryBudget({ capacity: 10, retryCost: 5 });
    const { client } = clientFor(faulty({ serverErrorRate: 1 }), {
      retryBudget,
      retry: { maxAttempts: 10, baseDelayMs: 1 },
    });
    const res = await client.listFunctions();
    expect(res.ok ? undefined : res.error.attempts).toBe(3);
    expect(res.ok ? undefined : res.error.code).toMatch(/InternalServerError|ServiceUnavailable/);
    const again = await client.listFunctions();
    expect(again.ok ? undefined : again.error.attempts).toBe(1);
  });

  it('times out a slow attempt, retries, then reports RequestTimeout', async () => {
    const { client } = clientFor(faulty({ latencyMs: 400 }), {
      timeoutMs: 30,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const res = await client.listFunctions();
    expect(res.ok ? undefined : [res.error.code, res.error.retryable, res.error.attempts]).toEqual([
      'RequestTimeout',
      true,
      2,
    ]);
  });

  it('propagates an abort during a request and during a backoff wait', async () => {
    const slow = clientFor(faulty({ latencyMs: 2000 })).client;
    const c1 = new AbortController();
    setTimeout(() => c1.abort(), 20);
    const r1 = await slow.listFunctions({}, { signal: c1.signal });
    expect(r1.ok ? undefined : r1.error.code).toBe('Aborted');

    const backingOff = clientFor(faulty({ serverErrorRate: 1 }), {
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 1,
    }).client;
    const c2 = new AbortController();
    setTimeout(() => c2.abort(), 20);
    const r2 = await backingOff.listFunctions({}, { signal: c2.signal });
    expect(r2.ok ? undefined : r2.error.code).toBe('Aborted');

    const iterator = slow.pages({}, { signal: AbortSignal.abort() });
    await expect(iterator.next()).rejects.toBeInstanceOf(FcRequestError);
  });

  for (const fault of ['truncateRate', 'malformRate'] as const) {
    it(`turns ${fault === 'truncateRate' ? 'truncated' : 'non-JSON'} bodies into MalformedResponse after retrying`, async () => {
      const { client } = clientFor(faulty({ [fault]: 1 }), { retry: { maxAttempts: 2, baseDelayMs: 1 } });
      const res = await client.listFunctions({ limit: 10 });
      expect(res.ok ? undefined : [res.error.code, res.error.retryable, res.error.attempts]).toEqual([
        'MalformedResponse',
        true,
        2,
      ]);
    });
  }
});
