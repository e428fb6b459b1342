import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBff } from '@fc-fleet/bff/test-support/process';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import autocannon from 'autocannon';
import { listenLocal } from '../shared/local-server.ts';

/** A bounded load run: everything on loopback, stopping by itself. */
export interface LoadOptions {
  connections: number;
  durationSec: number;
  functionsPerRegion: number;
  /** The emulated account's API limit (throttles beyond it). */
  emulatorLimitPerSecond: number;
  /** The BFF's own bound on upstream calls (FC_UPSTREAM_RPS). */
  upstreamRps: number;
  /** Views the clients scroll, as query strings; clients share them. */
  views: string[];
}

/** What a load run measured. */
export interface LoadReport {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  upstreamAttempts: number;
  upstreamThrottles: number;
  upstreamPerRequest: number;
  upstreamPerSecond: number;
  peakRssMb: number;
  /** Rows in the index when the load started. */
  indexedFunctions: number;
}

const metric = (text: string, name: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith(name) && !line.startsWith('#'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop() ?? 0), 0);

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts an emulator (throttling above the account limit) and the real BFF as a child process
 * reaching it over HTTP through the official credential chain, with its index in a temporary
 * directory; once the first pass is in, scrolls shared views with autocannon connections that
 * follow each page's cursor to the end and start over.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const emulator = createEmulator({
    fleet: { regions: ['cn-hangzhou'], functionsPerRegion: options.functionsPerRegion },
    faults: { rateLimitPerSecond: options.emulatorLimitPerSecond },
  });
  emulator.fleet.region('cn-hangzhou');
  const upstream = await listenLocal(emulator.app.fetch);
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-fleet-load-'));
  const bff = await spawnBff({
    FC_ENDPOINT: `${upstream.baseUrl}/regions/{region}`,
    FC_REGIONS: 'cn-hangzhou',
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
    FC_UPSTREAM_RPS: String(options.upstreamRps),
    FC_DATA_DIR: dataDir,
    // Every client comes from 127.0.0.1, which would share one per-client bucket.
    FC_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const { child, base } = bff;
  try {
    // Ready once the first pass of the region is in the index.
    await bff.ready();
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, child.pid ? rssMb(child.pid) : 0);
    }, 250);
    const before = metric(await (await fetch(`${base}/metrics`)).text(), 'fc_upstream_calls_total');
    const meta = (await (await fetch(`${base}/api/meta`)).json()) as { sync?: { functions: number }[] };
    const indexedFunctions = (meta.sync ?? []).reduce((n, s) => n + s.functions, 0);
    let next = 0;
    type Ctx = { view?: string; cursor?: string };
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.durationSec,
      requests: [
        {
          method: 'GET',
          setupRequest: (request, context) => {
            const ctx = context as Ctx;
            ctx.view ??= options.views[next++ % options.views.length];
            const cursor = ctx.cursor ? `&cursor=${encodeURIComponent(ctx.cursor)}` : '';
            return { ...request, path: `/api/functions?${ctx.view ?? ''}&limit=50${cursor}` };
          },
          onResponse: (status, body, context) => {
            const ctx = context as Ctx;
            const cursor = status === 200 ? (JSON.parse(body) as { cursor?: string }).cursor : ctx.cursor;
            ctx.cursor = cursor;
            if (!cursor && status === 200) ctx.view = options.views[next++ % options.views.length];
          },
        },
      ],
    });
    clearInterval(sampler);
    const text = await (await fetch(`${base}/metrics`)).text();
    const attempts = metric(text, 'fc_upstream_calls_total') - before;
    return {
      requests: result.requests.total,
      rps: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      upstreamAttempts: attempts,
      upstreamThrottles: metric(text, 'fc_upstream_throttles_total'),
      upstreamPerRequest: attempts / Math.max(1, result.requests.total),
      upstreamPerSecond: attempts / options.durationSec,
      peakRssMb: peakRss,
      indexedFunctions,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await upstream.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
