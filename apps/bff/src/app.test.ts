import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-support/test-app.ts';

const TOKEN = 'a-long-dashboard-token-0123456789';

describe('the app: base path, envelope, probes and metrics', () => {
  it('serves everything under FC_BASE_PATH and answers elsewhere with the JSON envelope', async () => {
    const t = createTestApp({
      env: { FC_BASE_PATH: '/tools/fc-fleet/' },
      emulator: { fleet: { functionsPerRegion: 20 } },
    });
    expect((await t.get('/tools/fc-fleet/api/functions?limit=5')).status).toBe(200);
    const outside = await t.get('/api/functions');
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('NotFound');
    expect(String(outside.body.message)).toContain('/tools/fc-fleet');
    const unknownApi = await t.get('/tools/fc-fleet/api/nothing');
    expect([unknownApi.status, unknownApi.body.code]).toEqual([404, 'NotFound']);
    const meta = await t.get('/tools/fc-fleet/api/meta');
    expect(meta.body.basePath).toBe('/tools/fc-fleet');
  });

  it('keeps a sane inbound request id and makes one otherwise', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 5 } } });
    const kept = await t.get('/api/functions?limit=0', {
      headers: { 'x-request-id': 'portal-req-12345678' },
    });
    expect(kept.body.requestId).toBe('portal-req-12345678');
    const replaced = await t.get('/api/functions?limit=0', { headers: { 'x-request-id': '<script>' } });
    expect(replaced.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not ready until every region has had a pass, and counts requests and upstream calls', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 20 } } });
    const before = await t.app.request('/readyz');
    expect(before.status).toBe(503);
    expect(((await before.json()) as { message: string }).message).toMatch(
      /first complete pass of test\/cn-hangzhou/,
    );
    expect((await t.get('/healthz')).status).toBe(200);
    await t.get('/api/functions?limit=5');
    await t.get('/api/functions?limit=5');
    expect((await t.get('/readyz')).status).toBe(200);
    const text = await (await t.app.request('/metrics')).text();
    expect(text).toMatch(
      /fc_fleet_http_requests_total\{method="GET",route="\/api\/functions",status="200"\} 2/,
    );
    // One pass: a page of FC 2.0 names and a page of all 20 functions; the two list requests cost nothing.
    expect(text).toMatch(
      /fc_upstream_calls_total\{account="test",action="ListFunctions",region="cn-hangzhou"\} 2/,
    );
    expect(text).toMatch(
      /fc_fleet_http_request_duration_seconds_bucket\{route="\/api\/functions",le="\+Inf"\} 2/,
    );
  });

  it('meta lists aliases, regions and facets but never a credential', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 200 } } });
    await t.get('/api/functions?limit=100');
    const meta = await t.get('/api/meta');
    expect(meta.body.accounts).toEqual([
      { alias: 'test', accountId: '1234567890123456', regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'] },
    ]);
    const facets = meta.body.facets as { runtimes: string[]; vpcIds: string[]; gpuTypes: string[] };
    expect(facets.runtimes).toContain('python3.10');
    expect(facets.vpcIds.length).toBeGreaterThan(2);
    expect(facets.gpuTypes).toContain('fc.gpu.ampere.1');
    const text = JSON.stringify(meta.body);
    for (const secret of t.account.secrets()) expect(text).not.toContain(secret);
  });
});

describe('the app: access modes', () => {
  it('token mode: 401 without a token, 200 with the bearer, and a session cookie from /login', async () => {
    const t = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: TOKEN },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });
    const anonymous = await t.get('/api/functions');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'Unauthorized']);
    expect((await t.get('/api/functions', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    expect((await t.get('/healthz')).status).toBe(200);
    const login = await t.app.request(`/login?token=${TOKEN}`);
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = cookie.split(';')[0] ?? '';
    expect((await t.get('/api/meta', { headers: { cookie: session } })).status).toBe(200);
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(TOKEN);
  });

  it('token mode inside a portal frame: the cookie is SameSite=None; Secure; Partitioned', async () => {
    const t = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: TOKEN, FC_FRAME_ANCESTORS: 'https://portal.example.com' },
    });
    const login = await t.app.request(`/login?token=${TOKEN}`);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=None.*Secure|Secure.*SameSite=None/);
    expect(login.headers.get('set-cookie')).toMatch(/Partitioned/);
    expect(login.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://portal.example.com',
    );
  });

  it('trusted-header mode: believes the user header only from a trusted proxy', async () => {
    const t = createTestApp({
      env: { FC_AUTH: 'trusted-header', FC_TRUSTED_PROXIES: '10.0.0.5' },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });
    const from = (address: string, user?: string) =>
      t.app.request(
        '/api/meta',
        { headers: user ? { 'x-forwarded-user': user } : {} },
        { incoming: { socket: { remoteAddress: address } } },
      );
    expect((await from('10.0.0.5', 'alice')).status).toBe(200);
    expect((await from('10.0.0.9', 'alice')).status).toBe(403);
    expect((await from('10.0.0.5')).status).toBe(401);
  });

  it('rate-limits each client on /api with 429 and Retry-After', async () => {
    // A still clock: 60 a minute gives a rested client a burst of 10, then one a second.
    let clock = Date.parse('2026-11-28T08:00:00Z');
    const t = createTestApp({
      env: { FC_RATE_LIMIT_PER_MINUTE: '60' },
      emulator: { fleet: { functionsPerRegion: 5 } },
      now: () => clock,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.app.request('/api/meta')).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    const limited = await t.app.request('/api/meta');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await t.app.request('/healthz')).status).toBe(200);
    clock += 1000;
    expect((await t.app.request('/api/meta')).status).toBe(200);
    expect((await t.app.request('/api/meta')).status).toBe(429);
  });

  it('sends security headers and no CORS on API answers', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 5 } } });
    const res = await t.app.request('/api/meta', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('the app: compression', () => {
  it('gzips large JSON answers for clients that accept it, and only for them', async () => {
    const { gunzipSync } = await import('node:zlib');
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 200 } } });
    const zipped = await t.request('/api/functions?limit=100', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const body = JSON.parse(gunzipSync(bytes).toString('utf8')) as { functions: unknown[] };
    expect(body.functions).toHaveLength(100);
    expect(bytes.byteLength).toBeLessThan(JSON.stringify(body).length / 4);
    const plain = await t.app.request('/api/functions?limit=100');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as { functions: unknown[] }).functions).toHaveLength(100);
    const small = await t.app.request('/api/functions?limit=0', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});
