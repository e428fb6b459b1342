import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { ApiError, apiErrorResponse } from '../errors.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { type RateLimitOptions, rateLimit } from './rate-limit.ts';

function setup(options: Omit<RateLimitOptions, 'now'>) {
  let time = 1_700_000_000_000;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', 'req-1');
    // Stands in for the auth middleware.
    c.set('rateLimitKey', c.req.header('x-test-key') ?? 'alice');
    await next();
  });
  app.use(rateLimit({ ...options, now: () => time }));
  app.get('/api/ping', (c) => c.json({ key: c.get('rateLimitKey') }, 200));
  app.onError((err, c) => {
    if (!(err instanceof ApiError)) throw err;
    return apiErrorResponse(c, err);
  });
  const ping = async (key = 'alice') => app.request('/api/ping', { headers: { 'x-test-key': key } });
  return { ping, advance: (ms: number) => (time += ms) };
}

async function statuses(ping: () => Promise<Response>, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await ping()).status);
  return out;
}

describe('rateLimit', () => {
  it('lets a burst through, then answers 429 with Retry-After', async () => {
    const { ping } = setup({ perMinute: 60, burst: 3 });
    const first = await ping();
    expect(first.headers.get('RateLimit-Limit')).toBe('3');
    expect(first.headers.get('RateLimit-Remaining')).toBe('2');
    expect(await statuses(ping, 2)).toEqual([200, 200]);
    const limited = await ping();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('1');
    expect(await limited.json()).toEqual({
      code: 'RateLimited',
      message: 'Too many requests; retry in 1 s',
      requestId: 'req-1',
    });
  });

  it('refills at perMinute / 60 per second, up to the burst', async () => {
    const { ping, advance } = setup({ perMinute: 6, burst: 2 });
    expect(await statuses(ping, 3)).toEqual([200, 200, 429]);
    advance(5_000);
    expect((await ping()).headers.get('Retry-After')).toBe('5');
    advance(5_000);
    expect(await statuses(ping, 2)).toEqual([200, 429]);
    advance(3_600_000);
    expect(await statuses(ping, 3)).toEqual([200, 200, 429]);
  });

  it('defaults the burst to max(10, perMinute / 6)', async () => {
    expect(await statuses(setup({ perMinute: 1 }).ping, 11)).toEqual([...Array(10).fill(200), 429]);
    expect((await setup({ perMinute: 600 }).ping()).headers.get('RateLimit-Limit')).toBe('100');
  });

  it('keeps a bucket per key', async () => {
    const { ping } = setup({ perMinute: 60, burst: 1 });
    expect(await statuses(() => ping('alice'), 2)).toEqual([200, 429]);
    expect((await ping('bob')).status).toBe(200);
  });

  it('keeps at most maxClients buckets, forgetting the least recently used', async () => {
    const { ping } = setup({ perMinute: 60, burst: 1, maxClients: 2 });
    expect((await ping('a')).status).toBe(200);
    expect((await ping('b')).status).toBe(200);
    expect((await ping('a')).status).toBe(429); // a is now the most recent, b the least
    expect((await ping('c')).status).toBe(200); // evicts b
    expect((await ping('a')).status).toBe(429); // a was kept
    expect((await ping('b')).status).toBe(200); // b was forgotten: a fresh bucket
  });
});

describe('rateLimit in token mode', () => {
  const TOKEN = 'a-long-dashboard-token-0123456789';
  const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

  function tokenApp() {
    const t = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: TOKEN, FC_RATE_LIMIT_PER_MINUTE: '60' },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });
    const signIn = async () =>
      (await t.app.request(`/login?token=${TOKEN}`)).headers.get('set-cookie')?.split(';')[0] ?? '';
    return { ...t, signIn };
  }

  it('keeps a bucket per session: one session bursting to 429 leaves another at 200', async () => {
    const { app, signIn } = tokenApp();
    const [mine, yours] = [await signIn(), await signIn()];
    const burst: number[] = [];
    for (let i = 0; i < 11; i++)
      burst.push((await app.request('/api/meta', { headers: { cookie: mine } })).status);
    expect(burst.at(-1)).toBe(429);
    expect((await app.request('/api/meta', { headers: { cookie: yours } })).status).toBe(200);
  });

  it('keeps a bucket per client address for bearer-token clients', async () => {
    const { app } = tokenApp();
    const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
    const burst: number[] = [];
    for (let i = 0; i < 11; i++)
      burst.push((await app.request('/api/meta', bearer, peer('10.0.0.1'))).status);
    expect(burst.at(-1)).toBe(429);
    expect((await app.request('/api/meta', bearer, peer('10.0.0.2'))).status).toBe(200);
  });
});
