import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { securityHeaders } from './security-headers.ts';

function setup(frameAncestors: readonly string[]) {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders({ frameAncestors }));
  app.get('/api/ping', (c) => c.json({ ok: true }, 200));
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
