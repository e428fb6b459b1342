import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createDatabase } from '@fc-fleet/fleet-index/test-support/postgres';
import { describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { createLogger } from '../observability/logger.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { deferredStore } from './deferred-sql.ts';
import { openIndex } from './open-index.ts';

// PostgreSQL down at start, coming up later, and going away and back while the BFF runs: the BFF
// answers 503 `StoreUnavailable` meanwhile (never a stack trace) and recovers without a restart.
type TestApp = ReturnType<typeof createTestApp>;

/** A port on 127.0.0.1 that nothing listens on (the kernel gave it out a moment ago, then it was closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A TCP proxy on a loopback port in front of the test PostgreSQL, which the test closes and opens. */
function tcpProxy(port: number, target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  return {
    async open(): Promise<void> {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        track(client);
        track(upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', resolve);
      });
    },
    /** Stops listening and cuts every connection, as a database server that goes away. */
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      const closing = server;
      server = undefined;
      if (closing) await new Promise((resolve) => closing.close(resolve));
    },
  };
}

const call = async (t: TestApp, path: string, init?: RequestInit) => {
  const res = await t.app.request(path, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
};

async function expectUnavailable(t: TestApp) {
  for (const path of [
    '/api/functions',
    '/api/functions?region=all&sort=memorySize:desc',
    '/api/facets?has=vpc',
    '/api/meta',
  ]) {
    const res = await call(t, path);
    expect(res.status, path).toBe(503);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('StoreUnavailable');
    expect(String(body.message)).toMatch(/fleet index \(PostgreSQL\) cannot be reached/);
    expect(res.headers.get('retry-after')).toBe('5');
  }
  const ready = await call(t, '/readyz');
  expect(ready.status).toBe(503);
  expect(JSON.parse(ready.text)).toMatchObject({ code: 'NotReady' });
  expect((await call(t, '/healthz')).status).toBe(200);
}

describe('a PostgreSQL that cannot be reached', () => {
  it('at start: every view answers 503 StoreUnavailable, the probes say so, the drawer still reads the cloud, and nothing leaks', async () => {
    const password = `pw-${randomUUID()}`;
    const url = `postgres://fleet:${password}@127.0.0.1:${await closedPort()}/fleet`;
    const env = parseEnv({ FC_DATABASE_URL: url });
    if (!env.ok) throw new Error(env.problems.join('; '));
    const logs: string[] = [];
    const sql = await openIndex(env.env, {
      demo: false,
      logger: createLogger({ sink: (l) => logs.push(l) }),
    });
    const t = createTestApp({ sql, emulator: { fleet: { functionsPerRegion: 20 } } });
    await expectUnavailable(t);
    const refresh = await call(t, '/api/refresh', { method: 'POST' });
    expect([refresh.status, JSON.parse(refresh.text).code]).toEqual([503, 'StoreUnavailable']);
    await expect(t.sync.syncAll()).rejects.toThrow();
    // The live read answers from the cloud; only its repair of the index is lost.
    const name = t.emulator.fleet.region('cn-hangzhou')?.allNames()[2] ?? '';
    const drawer = await call(t, `/api/functions/cn-hangzhou/${name}`);
    expect(drawer.status).toBe(200);
    expect(JSON.parse(drawer.text).function.functionName).toBe(name);
    const everything = [...logs, ...t.logs].join('\n');
    expect(everything).toMatch(/PostgreSQL unreachable/);
    expect(everything).toMatch(/index repair failed/);
    expect(everything).not.toContain(password);
  });

  it('comes up later, goes away and comes back: everything recovers without a restart', async () => {
    const real = new URL(
      await createDatabase(inject('postgresUrl'), `bff_${randomUUID().replaceAll('-', '')}`),
    );
    const port = await closedPort();
    const proxy = tcpProxy(port, real);
    const viaProxy = new URL(real);
    viaProxy.port = String(port);
    let clock = Date.now();
    const sql = deferredStore({
      databaseUrl: viaProxy.toString(),
      dataDir: 'unused',
      location: 'proxy',
      retryMs: 5_000,
      now: () => clock,
    });
    const t = createTestApp({ sql, emulator: { fleet: { functionsPerRegion: 40 } } });
    try {
      await expectUnavailable(t);
      await proxy.open();
      // A failed open is retried at most every retryMs, so a server that is down is not hammered.
      expect((await call(t, '/api/functions')).status).toBe(503);
      clock += 5_001;
      const empty = await call(t, '/api/functions');
      expect(empty.status).toBe(200);
      expect(JSON.parse(empty.text)).toMatchObject({
        functions: [],
        regions: [{ region: 'cn-hangzhou', state: 'pending' }],
      });
      expect((await call(t, '/readyz')).status).toBe(503);
      expect((await t.sync.syncAll()).every((r) => r?.complete)).toBe(true);
      expect((await call(t, '/readyz')).status).toBe(200);
      const before = JSON.parse((await call(t, '/api/functions?region=all&limit=100')).text)
        .functions as unknown[];
      expect(before.length).toBe(100);

      await proxy.close();
      await expectUnavailable(t);
      await expect(t.sync.syncAll()).rejects.toThrow();

      await proxy.open();
      const after = await call(t, '/api/functions?region=all&limit=100');
      expect(after.status).toBe(200);
      expect(JSON.parse(after.text).functions).toEqual(before);
      expect((await call(t, '/api/facets?region=all')).status).toBe(200);
      expect((await call(t, '/readyz')).status).toBe(200);
      expect((await t.sync.syncAll()).every((r) => r?.complete)).toBe(true);
    } finally {
      await proxy.close();
      await sql.close();
    }
  });
});
