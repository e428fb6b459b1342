import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { securityHeaders } from './security-headers.ts';

const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function setup(frameAncestors: readonly string[], basePath = '/') {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders({ frameAncestors, basePath, trustedProxies: ['10.9.9.9'] }));
  app.get('/api/ping', (c) => c.json({ ok: true }, 200));
  // A route that keeps a secret in its URL and asks for a stricter policy than the default.
  app.get('/login', (c) => c.body(null, 303, { 'Referrer-Policy': 'no-referrer', Location: '/' }));
  // A route that asks for a looser one: the default wins.
  app.get('/loose', (c) => c.text('ok', 200, { 'Referrer-Policy': 'unsafe-url' }));
  app.get('/tools/fc/api/ping', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'max-age=600' }));
  app.get('/page', (c) => c.html('<p>ok</p>', 200));
  app.get('/api/boom', () => {
    throw new Error('boom');
  });
  // A careless route that tries to open itself to other origins.
  app.get('/api/leaky', (c) => c.json({ ok: true }, 200, { 'Access-Control-Allow-Origin': '*' }));
  app.onError((_err, c) => c.json({ code: 'Internal', message: 'Internal error' }, 500));
  return app;
}

const PATHS = ['/api/ping', '/api/boom', '/api/leaky', '/nowhere'];

describe('securityHeaders', () => {
  it('sets a strict policy on every response when nobody may frame the app', async () => {
    const app = setup([]);
    for (const path of PATHS) {
      const res = await app.request(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
          "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
      expect(res.headers.get('Permissions-Policy')).toBe('camera=(), microphone=(), geolocation=()');
    }
  });

  it('keeps the headers on error responses', async () => {
    const res = await setup([]).request('/api/boom');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'Internal', message: 'Internal error' });
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('lists the allowed frame ancestors and leaves framing to the CSP', async () => {
    const app = setup(['https://portal.example.com', 'https://*.example.com']);
    for (const path of PATHS) {
      const res = await app.request(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toMatch(/; frame-ancestors https:\/\/portal\.example\.com https:\/\/\*\.example\.com$/);
      expect(res.headers.get('X-Frame-Options')).toBeNull();
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('never allows scripts inline', async () => {
    const csp = (await setup([]).request('/api/ping')).headers.get('Content-Security-Policy') ?? '';
    const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
  });

  it("keeps a route's stricter Referrer-Policy and refuses a looser one", async () => {
    const app = setup([]);
    expect((await app.request('/login')).headers.get('Referrer-Policy')).toBe('no-referrer');
    expect((await app.request('/loose')).headers.get('Referrer-Policy')).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('marks every API answer, errors included, Cache-Control: no-store, under the base path too', async () => {
    const app = setup([]);
    for (const path of ['/api/ping', '/api/boom', '/api/leaky', '/api/nowhere'])
      expect((await app.request(path)).headers.get('Cache-Control'), path).toBe('no-store');
    expect((await app.request('/page')).headers.get('Cache-Control')).toBeNull();
    const based = setup([], '/tools/fc');
    expect((await based.request('/tools/fc/api/ping')).headers.get('Cache-Control')).toBe('no-store');
    expect((await based.request('/tools/fc/api/missing')).headers.get('Cache-Control')).toBe('no-store');
    expect((await based.request('/api/ping')).headers.get('Cache-Control')).toBeNull();
  });

  it('sends HSTS over https, directly or from a trusted TLS proxy, and never over plain http', async () => {
    const app = setup([]);
    const hsts = async (url: string, init: RequestInit = {}, address = '203.0.113.5') =>
      (await app.request(url, init, peer(address))).headers.get('Strict-Transport-Security');
    const forwarded = { headers: { 'X-Forwarded-Proto': 'https' } };
    expect(await hsts('https://fleet.example/api/ping')).toBe('max-age=31536000');
    expect(await hsts('https://fleet.example/api/boom')).toBe('max-age=31536000');
    expect(await hsts('http://fleet.example/api/ping', forwarded, '10.9.9.9')).toBe('max-age=31536000');
    expect(await hsts('http://fleet.example/api/ping', forwarded, '::ffff:10.9.9.9')).toBe(
      'max-age=31536000',
    );
    expect(await hsts('http://fleet.example/api/ping')).toBeNull();
    expect(await hsts('http://fleet.example/api/ping', forwarded)).toBeNull();
    const chained = { headers: { 'X-Forwarded-Proto': 'https, http' } };
    expect(await hsts('http://fleet.example/api/ping', chained, '10.9.9.9')).toBeNull();
  });

  it('sends no CORS headers, even to a cross-origin request', async () => {
    for (const frameAncestors of [[], ['https://portal.example.com']]) {
      const app = setup(frameAncestors);
      for (const path of PATHS) {
        const res = await app.request(path, { headers: { Origin: 'https://evil.example' } });
        expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
        expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      }
      const preflight = await app.request('/api/ping', {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });
});
