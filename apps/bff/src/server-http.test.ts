import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResolvedAccounts, resolveAccounts } from './accounts/resolve-accounts.ts';
import { createApp } from './app.ts';
import { parseEnv } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { lazyTestStore } from './test-support/test-store.ts';

// Both hops over real sockets, the BFF built as server.ts builds it: parseEnv, then the official
// default credential chain (its environment provider reads process.env itself), then createApp.
const CHAIN_ENV = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
] as const;

type Handler = (request: Request) => Response | Promise<Response>;

function listen(fetch: Handler): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    );
  });
}

const close = (server: ServerType) =>
  new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));

describe('the BFF and the emulator over real HTTP', () => {
  const emulator = createEmulator({ fleet: { regions: ['cn-hangzhou'], functionsPerRegion: 10_000 } });
  const saved = CHAIN_ENV.map((name) => [name, process.env[name]] as const);
  const servers: ServerType[] = [];
  let bff = '';
  let resolved: ResolvedAccounts | undefined;
  let synced: () => Promise<unknown> = () => Promise.reject(new Error('not started'));
  let syncing: Promise<unknown> | undefined;

  beforeAll(async () => {
    const upstream = await listen(emulator.app.fetch);
    servers.push(upstream.server);
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEFAULT_EMULATOR_CREDENTIALS.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret;
    delete process.env.ALIBABA_CLOUD_SECURITY_TOKEN;
    const parsed = parseEnv({
      FC_ENDPOINT: emulator.endpointTemplate(upstream.base),
      FC_REGIONS: 'cn-hangzhou',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    resolved = await resolveAccounts(parsed.env, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
    });
    if (!resolved.ok) throw new Error(resolved.problems.join('; '));
    const { accounts, demo } = resolved;
    const logger = createLogger({ level: 'warn', redact: () => accounts.flatMap((a) => a.secrets()) });
    const { app, sync } = createApp({
      env: parsed.env,
      sql: lazyTestStore(),
      accounts,
      demo,
      logger,
      secret: 'server-http-test-secret-0123456789abcdef',
      version: 'test',
      webDist: '/nonexistent-web-dist',
    });
    synced = () => {
      syncing ??= sync.syncAll();
      return syncing;
    };
    const front = await listen(app.fetch);
    servers.push(front.server);
    bff = front.base;
  });

  afterAll(async () => {
    await Promise.all(servers.map(close));
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('resolves one real (not demo) account from the default credential chain', () => {
    expect(resolved).toMatchObject({ ok: true, demo: false, reason: 'credentials from the default chain' });
    expect(resolved?.ok && resolved.accounts.map((a) => [a.alias, a.regions])).toEqual([
      ['default', ['cn-hangzhou']],
    ]);
  });

  it('is not ready before the cloud has answered, and ready after', async () => {
    const before = await fetch(`${bff}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ code: 'NotReady' });
    await synced();
    expect((await fetch(`${bff}/api/functions?limit=1`)).status).toBe(200);
    const after = await fetch(`${bff}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ready' });
  });

  it('scrolls all 10,000 functions, each once and in name order', async () => {
    await synced();
    const names: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    let complete: unknown;
    do {
      const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await fetch(`${bff}/api/functions?${query}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        functions: { function: { functionName: string } }[];
        cursor?: string;
        complete?: boolean;
      };
      names.push(...body.functions.map((row) => row.function.functionName));
      sizes.push(body.functions.length);
      ({ cursor, complete } = body);
      if (sizes.length > 200) throw new Error('the scroll does not end');
    } while (cursor);
    expect(names.length).toBe(10_000);
    expect(names).toEqual(emulator.fleet.region('cn-hangzhou')?.allNames());
    // Every page full, and the last one already says it is the last: no trailing empty page.
    expect(sizes).toEqual(Array.from({ length: 100 }, () => 100));
    expect(complete).toBe(true);
  });

  it('counts its upstream calls in /metrics', async () => {
    expect((await fetch(`${bff}/api/functions?limit=5`)).status).toBe(200);
    const res = await fetch(`${bff}/metrics`);
    expect(res.status).toBe(200);
    const calls = (await res.text())
      .split('\n')
      .filter((line) => line.startsWith('fc_upstream_calls_total{'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    expect(calls).toBeGreaterThan(0);
  });

  it('answers an unknown /api path with the JSON error envelope and a 404', async () => {
    const res = await fetch(`${bff}/api/no-such-route`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body).toMatchObject({ code: 'NotFound', requestId: res.headers.get('x-request-id') });
  });

  it('refuses oversized headers and query strings at the HTTP layer and keeps serving', async () => {
    const huge = await fetch(`${bff}/api/meta`, { headers: { 'x-padding': 'x'.repeat(64 * 1024) } });
    expect(huge.status).toBe(431);
    const longQuery = await fetch(`${bff}/api/functions?q=${'y'.repeat(100 * 1024)}`);
    expect([400, 414, 431]).toContain(longQuery.status);
    expect((await fetch(`${bff}/healthz`)).status).toBe(200);
  });
});
