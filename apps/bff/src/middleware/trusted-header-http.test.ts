import { request } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/test-app.ts';

// Over a real socket: Node joins a header sent twice into one value ("alice, bob"), which
// `app.request` cannot reproduce, and the peer address is the one Node reports.
function listen(fetch: (request: Request) => Response | Promise<Response>, hostname: string) {
  return new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch, hostname, port: 0 }, (info) => resolve({ server, port: info.port }));
  });
}

/** GETs /api/meta with the user header sent once per value, each on its own line. */
function getMeta(host: string, port: number, users: string[]) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host, port, path: '/api/meta', headers: { 'x-forwarded-user': users } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('trusted-header mode over real HTTP', () => {
  const servers: ServerType[] = [];
  const ports = { v4: 0, v6: 0 };

  beforeAll(async () => {
    const env = {
      FC_AUTH: 'trusted-header',
      // The IPv6 loopback written long-hand: start-up and matching must read it alike.
      FC_TRUSTED_PROXIES: '127.0.0.1, 0:0:0:0:0:0:0:1',
    };
    const { app } = createTestApp({ env, emulator: { fleet: { functionsPerRegion: 5 } } });
    const v4 = await listen(app.fetch, '127.0.0.1');
    const v6 = await listen(app.fetch, '::1');
    servers.push(v4.server, v6.server);
    ports.v4 = v4.port;
    ports.v6 = v6.port;
  });

  afterAll(() => Promise.all(servers.map((s) => new Promise((done) => s.close(done)))));

  it('takes one user from a trusted proxy', async () => {
    const res = await getMeta('127.0.0.1', ports.v4, ['alice']);
    expect(res.status).toBe(200);
  });

  it('refuses the user header sent twice, with an error code', async () => {
    const res = await getMeta('127.0.0.1', ports.v4, ['alice', 'bob']);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'Unauthorized',
      message: expect.stringMatching(/more than one value/),
    });
  });

  it('trusts a proxy listed long-hand as 0:0:0:0:0:0:0:1 when it connects from ::1', async () => {
    const res = await getMeta('::1', ports.v6, ['alice']);
    expect(res.status).toBe(200);
  });
});
