import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { type AuthOptions, createAuth } from './auth.ts';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const HOUR = 3_600_000;
const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function setup(overrides: Partial<AuthOptions> = {}) {
  let time = 1_700_000_000_000;
  const options: AuthOptions = {
    mode: 'token',
    token: TOKEN,
    trustedHeader: 'x-forwarded-user',
    trustedProxies: ['10.9.9.9', '192.168.0.0/16'],
    sessionSecret: 'a-session-secret-of-at-least-32-characters',
    sessionTtlMs: HOUR,
    framed: false,
    basePath: '/',
    now: () => time,
    ...overrides,
  };
  const auth = createAuth(options);
  const app = new Hono<AppEnv>().basePath(options.basePath);
  app.use(async (c, next) => {
    c.set('requestId', 'req-1');
    await next();
  });
  app.use(auth.middleware);
  app.get('/api/ping', (c) => c.json({ principal: c.get('principal') }, 200));
  app.get('/healthz', (c) => c.text('ok', 200));
  app.get('/login', auth.login);
  app.onError((err, c) => {
    if (!(err instanceof ApiError)) throw err;
    return c.json(
      { code: err.code, message: err.message, requestId: c.get('requestId') },
      err.status,
      err.headers,
    );
  });
  return { app, advance: (ms: number) => (time += ms) };
}

async function signIn(app: Hono<AppEnv>, path = `/login?token=${TOKEN}`, init: RequestInit = {}) {
  const res = await app.request(path, init, peer('127.0.0.1'));
  const cookie = res.headers.get('set-cookie') ?? '';
  return { res, cookie, pair: cookie.split(';')[0] ?? '' };
}

describe('auth: none', () => {
  it('lets everyone in as their address', async () => {
    const { app } = setup({ mode: 'none' });
    const res = await app.request('/api/ping', {}, peer('::ffff:127.0.0.1'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ principal: '127.0.0.1' });
    expect(await (await app.request('/api/ping')).json()).toEqual({ principal: 'local' });
  });
});

describe('auth: token', () => {
  it('refuses a request without credentials, telling how to sign in', async () => {
    const res = await setup().app.request('/api/ping');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 'Unauthorized',
      message: expect.stringContaining('/login?token='),
      requestId: 'req-1',
    });
  });

  it('refuses a wrong bearer token without echoing it and accepts the right one', async () => {
    const { app } = setup();
    const wrong = await app.request('/api/ping', { headers: { Authorization: 'Bearer guess-12345-secret' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('guess-12345-secret');
    const right = await app.request('/api/ping', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ principal: 'token' });
  });

  it('refuses a sign-in with a wrong or missing token without echoing it', async () => {
    const { app } = setup();
    const wrong = await signIn(app, '/login?token=guess-12345-secret');
    expect(wrong.res.status).toBe(401);
    expect(wrong.cookie).toBe('');
    expect(await wrong.res.text()).not.toContain('guess-12345-secret');
    expect((await signIn(app, '/login')).res.status).toBe(401);
  });

  it('signs in with the right token: a Lax HttpOnly cookie and a 303 home that then works', async () => {
    const { app } = setup();
    const { res, cookie, pair } = await signIn(app);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(cookie).toMatch(
      /^fc_fleet_session=[\w-]+\.[\w-]+; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const ping = await app.request('/api/ping', { headers: { Cookie: pair } });
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ principal: 'token' });
  });

  it('redirects only to the base path and scopes the cookie to it', async () => {
    const { app } = setup({ basePath: '/tools/fc' });
    const { res, cookie } = await signIn(
      app,
      `/tools/fc/login?token=${TOKEN}&next=https://evil.example&redirect=//evil.example`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tools/fc/');
    expect(cookie).toContain('; Path=/tools/fc;');
  });

  it('refuses a cookie with one character changed', async () => {
    const { app } = setup();
    const { pair } = await signIn(app);
    const forged = pair.slice(0, -1) + (pair.endsWith('A') ? 'B' : 'A');
    const res = await app.request('/api/ping', { headers: { Cookie: forged } });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/session cookie is invalid/);
  });

  it('refuses an expired cookie and says so', async () => {
    const { app, advance } = setup();
    const { pair } = await signIn(app);
    advance(HOUR + 1);
    const res = await app.request('/api/ping', { headers: { Cookie: pair } });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/session expired/);
  });

  it('sets a cross-site partitioned cookie when the dashboard may be framed', async () => {
    const { cookie } = await signIn(setup({ framed: true }).app);
    expect(cookie).toContain('; Secure; SameSite=None; Partitioned');
  });

  it('marks the cookie Secure over https, and believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const { app } = setup();
    expect((await signIn(app, `https://fleet.example/login?token=${TOKEN}`)).cookie).toContain('; Secure');
    const forwarded = { headers: { 'X-Forwarded-Proto': 'https' } };
    expect((await signIn(app, `/login?token=${TOKEN}`, forwarded)).cookie).not.toContain('Secure');
    const viaProxy = await app.request(`/login?token=${TOKEN}`, forwarded, peer('10.9.9.9'));
    expect(viaProxy.headers.get('set-cookie')).toContain('; Secure');
  });

  it('lets probes through unauthenticated', async () => {
    expect((await setup().app.request('/healthz')).status).toBe(200);
    expect((await setup({ basePath: '/tools/fc' }).app.request('/tools/fc/healthz')).status).toBe(200);
  });
});

describe('auth: trusted-header', () => {
  const mode = 'trusted-header';
  const alice = { headers: { 'X-Forwarded-User': 'alice' } };

  it('takes the user from a trusted proxy, by exact address or CIDR range', async () => {
    const { app } = setup({ mode });
    for (const address of ['10.9.9.9', '192.168.4.7', '::ffff:192.168.0.1']) {
      const res = await app.request('/api/ping', alice, peer(address));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ principal: 'user:alice' });
    }
  });

  it('forbids the header from an address that is not a trusted proxy', async () => {
    const { app } = setup({ mode });
    const res = await app.request('/api/ping', alice, peer('10.9.9.10'));
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/10\.9\.9\.10 is not a trusted proxy/);
    expect((await app.request('/api/ping', alice)).status).toBe(403);
  });

  it('refuses a trusted proxy that sends no user or an invalid one', async () => {
    const { app } = setup({ mode });
    expect((await app.request('/api/ping', {}, peer('10.9.9.9'))).status).toBe(401);
    const tooLong = { headers: { 'X-Forwarded-User': 'a'.repeat(257) } };
    expect((await app.request('/api/ping', tooLong, peer('10.9.9.9'))).status).toBe(401);
  });

  it('lets probes through from anywhere', async () => {
    expect((await setup({ mode }).app.request('/healthz', {}, peer('203.0.113.5'))).status).toBe(200);
  });
});
