import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listenOnFreePort, sendRaw } from '../test-support/raw-http.ts';
import { createTestApp } from '../test-support/test-app.ts';

// DNS rebinding: a page on http://evil.example:8080 re-resolves its own name to 127.0.0.1 and then
// reads the loopback-only, unauthenticated dashboard as same-origin. The browser still sends
// `Host: evil.example:8080`, which is what the check refuses.
const HOSTILE = [
  'evil.example:8080',
  'evil.example',
  'localhost.evil.example:8080',
  '127.0.0.1.nip.io:8080',
  'localhost.:8080',
  'localhost:8081',
  'localhost',
  '127.0.0.1',
  '127.0.0.1:80',
  '127.256.0.1:8080',
  '0.0.0.0:8080',
  '2130706433:8080',
  '[::2]:8080',
  '[::1]',
  '[::1]x:8080',
  'user@127.0.0.1:8080',
  '127.0.0.1:8080:8080',
  '127.0.0.1:+8080',
  '',
] as const;

const LOOPBACK = [
  '127.0.0.1:8080',
  '127.9.8.7:8080',
  'localhost:8080',
  'LocalHost:8080',
  'fleet.localhost:8080',
  '[::1]:8080',
] as const;

interface Envelope {
  code: string;
  message: string;
  requestId: string;
}

describe('host check with FC_AUTH=none, in process', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 5 } } });
  const as = (host: string, path = '/api/meta') =>
    t.app.request(`http://127.0.0.1:8080${path}`, { headers: { host } });

  it.each(HOSTILE)('refuses Host %j with 421 and the envelope', async (host) => {
    const res = await as(host);
    expect(res.status).toBe(421);
    const body = (await res.json()) as Envelope;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('MisdirectedRequest');
    expect(body.message).toContain('localhost, *.localhost, 127.0.0.0/8 or [::1] at port 8080');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it.each(LOOPBACK)('serves Host %j', async (host) => {
    expect((await as(host)).status).toBe(200);
  });

  it('guards every route, probes and metrics included', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/api/functions?limit=1', '/', '/login'])
      expect((await as('evil.example:8080', path)).status, path).toBe(421);
  });

  it('names a hostile Host only in a sanitised, shortened form', async () => {
    const host = `evil.example:8080"<script>alert(1)</script>${'x'.repeat(300)}`;
    const body = (await (await as(host)).json()) as Envelope;
    const quoted = /^Refused Host "([^"]*)":/.exec(body.message)?.[1];
    expect(quoted).toBe(`evil.example:8080??script?alert?1???script?${'x'.repeat(37)}…`);
    expect(body.message).not.toMatch(/[<>]/);
  });

  it('lets in-process callers without a Host header through: code in this process, never a browser', async () => {
    expect((await t.app.request('/api/meta')).status).toBe(200);
  });

  it('is off with FC_AUTH=token, which a rebinding page cannot pass', async () => {
    const token = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: 'Zq8vL2mW4xN7pR1tY6uB3kJ9cH5d' },
    });
    const res = await token.app.request('http://127.0.0.1:8080/api/meta', {
      headers: { host: 'evil.example:8080' },
    });
    expect(res.status).toBe(401);
  });
});

describe('host check with FC_AUTH=none, over real HTTP on a port picked at listen time', () => {
  let server: Listening | undefined;
  let port = 0;
  beforeAll(async () => {
    // PORT=0 as configured; the check must hold requests to the port the socket really listens on.
    const t = createTestApp({ env: { PORT: '0' }, emulator: { fleet: { functionsPerRegion: 5 } } });
    server = await listenOnFreePort(t.app.fetch);
    port = server.port;
  });
  afterAll(() => server?.close());

  /** A GET with exactly this Host header, as a rebinding browser would send it. */
  const get = async (host: string) => {
    const answer = await sendRaw(
      port,
      `GET /api/meta HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer)?.[1]), answer };
  };

  it('refuses a foreign name at the right port and a loopback name at another port', async () => {
    for (const host of [
      `evil.example:${port}`,
      'localhost:8080',
      'localhost',
      `localhost.evil.example:${port}`,
    ]) {
      const res = await get(host);
      expect(res.status, host).toBe(421);
      expect(res.answer, host).toContain('"code":"MisdirectedRequest"');
      expect(res.answer, host).toContain(`at port ${port}`);
    }
  });

  it('serves loopback names at the port the server actually listens on', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `fleet.localhost:${port}`])
      expect((await get(host)).status, host).toBe(200);
  });

  it('refuses a request without a Host header from the network (HTTP/1.0)', async () => {
    const answer = await sendRaw(port, 'GET /api/meta HTTP/1.0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(answer).toContain('"code":"MisdirectedRequest"');
  });
});
