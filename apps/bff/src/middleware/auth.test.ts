import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { ApiError, apiErrorResponse } from '../errors.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { type AuthOptions, createAuth } from './auth.ts';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const ROTATED = 'a-rotated-token-Zq8vN3kLp0Xw7RtY2';
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
  app.all('/logout', (c, next) => auth.logout(c, next));
  app.onError((err, c) => {
    if (!(err instanceof ApiError)) throw err;
    return apiErrorResponse(c, err);
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

describe('auth: token sessions', () => {
  it('ends every session when the token is rotated, even under the same session secret', async () => {
    const { pair } = await signIn(setup().app);
    const rotated = setup({ token: ROTATED });
    const res = await rotated.app.request('/api/ping', { headers: { Cookie: pair } });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text).message).toMatch(/token has changed/);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(ROTATED);
    const fresh = await signIn(rotated.app, `/login?token=${ROTATED}`);
    expect((await rotated.app.request('/api/ping', { headers: { Cookie: fresh.pair } })).status).toBe(200);
  });

  it('gives every sign-in its own random session id and keeps the token out of the cookie', async () => {
    const { app } = setup();
    const first = await signIn(app);
    const second = await signIn(app);
    expect(first.pair).not.toBe(second.pair);
    const payload = first.pair.slice(first.pair.indexOf('=') + 1).split('.')[0] ?? '';
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims.sid).toMatch(/^[\w-]{22}$/);
    expect(first.cookie).not.toContain(TOKEN);
    expect(JSON.stringify(claims)).not.toContain(TOKEN);
  });

  it('signs out on POST /logout: 204 and the cookie cleared with the attributes it was set with', async () => {
    const { app } = setup({ basePath: '/tools/fc' });
    const { pair } = await signIn(app, `/tools/fc/login?token=${TOKEN}`);
    const res = await app.request('/tools/fc/logout', { method: 'POST', headers: { Cookie: pair } });
    expect(res.status).toBe(204);
    const cleared = res.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^fc_fleet_session=; Max-Age=0; /);
    expect(cleared).toContain('; Path=/tools/fc;');
    expect(cleared).toContain('; HttpOnly; SameSite=Lax');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('clears a framed session as it was set: Secure, SameSite=None, Partitioned', async () => {
    const { app } = setup({ framed: true });
    const res = await app.request('/logout', { method: 'POST' });
    expect(res.status).toBe(204);
    const cleared = res.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^fc_fleet_session=; Max-Age=0; /);
    expect(cleared).toContain('; Secure; SameSite=None; Partitioned');
  });

  it('never signs out on a GET, nor on a POST from another site', async () => {
    const { app } = setup();
    const get = await app.request('/logout');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.headers.get('set-cookie')).toBeNull();
    const crossSite: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
    ];
    for (const headers of crossSite) {
      const res = await app.request('http://fleet.example/logout', { method: 'POST', headers });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const sameSite = { Origin: 'http://fleet.example', 'Sec-Fetch-Site': 'same-origin' };
    const own = await app.request('http://fleet.example/logout', { method: 'POST', headers: sameSite });
    expect(own.status).toBe(204);
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

  it('refuses a user header that holds two users, as Node joins a header sent twice', async () => {
    const { app } = setup({ mode });
    const twice = { headers: { 'X-Forwarded-User': 'alice, bob' } };
    const res = await app.request('/api/ping', twice, peer('10.9.9.9'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 'Unauthorized',
      message: expect.stringMatching(/x-forwarded-user header holds more than one value/),
      requestId: 'req-1',
    });
  });

  it('lets probes through from anywhere', async () => {
    expect((await setup({ mode }).app.request('/healthz', {}, peer('203.0.113.5'))).status).toBe(200);
  });
});

describe('auth in the whole app', () => {
  const APP_TOKEN = 'a-long-dashboard-token-0123456789';
  const tokenApp = (token = APP_TOKEN, extra: Record<string, string> = {}) =>
    createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: token, ...extra },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });

  it('keeps the token out of Referer and caches: /login answers no-referrer and no-store', async () => {
    const login = await tokenApp().app.request(`/login?token=${APP_TOKEN}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('referrer-policy')).toBe('no-referrer');
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  it('ends the sessions of the old token after a restart with a new one', async () => {
    const before = tokenApp();
    const cookie = (await before.app.request(`/login?token=${APP_TOKEN}`)).headers.get('set-cookie') ?? '';
    const session = { headers: { cookie: cookie.split(';')[0] ?? '' } };
    expect((await before.app.request('/api/meta', session)).status).toBe(200);
    const after = tokenApp(ROTATED);
    const refused = await after.app.request('/api/meta', session);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const seen = [await refused.text(), ...before.logs, ...after.logs].join('\n');
    expect(seen).not.toContain(APP_TOKEN);
    expect(seen).not.toContain(ROTATED);
  });

  it('signs out with POST {base}/logout, and the cookie no longer opens the API in that browser', async () => {
    const t = tokenApp(APP_TOKEN, {
      FC_BASE_PATH: '/tools/fc',
      FC_FRAME_ANCESTORS: 'https://portal.example.com',
    });
    const login = await t.app.request(`/tools/fc/login?token=${APP_TOKEN}`);
    const pair = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const out = await t.app.request('/tools/fc/logout', { method: 'POST', headers: { cookie: pair } });
    expect(out.status).toBe(204);
    const cleared = out.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^fc_fleet_session=; Max-Age=0; Path=\/tools\/fc; /);
    expect(cleared).toContain('; Secure; SameSite=None; Partitioned');
    expect((await t.app.request('/tools/fc/logout')).status).toBe(405);
  });
});
