import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { openStore, type SqlClient } from '@fc-fleet/fleet-index';
import { createDatabase } from '@fc-fleet/fleet-index/test-support/postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnBff } from './test-support/bff-process.ts';
import { listenOnFreePort } from './test-support/raw-http.ts';

// Two real BFF processes share one PostgreSQL index. Only the lease holder syncs a region; both
// answer alike; a kill -9 mid-pass leaves the region to the other, which finishes the work.
const REGIONS = ['cn-hangzhou', 'cn-shanghai'];
const PER_REGION = 800;

type Region = {
  region: string;
  state: string;
  lease_owner: string | null;
  synced_at: Date | null;
  seen_in_pass: number;
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('two BFF processes on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const close of closers) await close();
  });

  it('sync each region once at a time, answer alike, and survive a kill -9 of the syncing one mid-pass', async () => {
    const emulator = createEmulator({ fleet: { functionsPerRegion: PER_REGION, regions: REGIONS } });
    const upstream = await listenOnFreePort(emulator.app.fetch);
    closers.push(upstream.close);
    const url = await createDatabase(inject('postgresUrl'), `replicas_${randomUUID().replaceAll('-', '')}`);
    const sql: SqlClient = await openStore({ databaseUrl: url, dataDir: 'unused' });
    closers.push(() => sql.close());
    const start = async () => {
      const bff = await spawnBff({
        FC_ENDPOINT: `http://127.0.0.1:${upstream.port}/regions/{region}`,
        FC_REGIONS: REGIONS.join(','),
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
        FC_DATABASE_URL: url,
        // Slow enough that a pass of a region takes seconds, so it can be killed in the middle.
        FC_UPSTREAM_RPS: '4',
        FC_SYNC_INTERVAL_SECONDS: '600',
        FC_SYNC_LEASE_SECONDS: '5',
        // Shared by replicas behind one load balancer, so a cursor from one is good on the other.
        FC_SESSION_SECRET: 'replicas-share-this-secret-7Hq2xK9pL4mZ8vB3nR6t',
      });
      children.push(bff.child);
      return bff;
    };
    const a = await start();
    const b = await start();
    const regions = async () =>
      (
        await sql.query<Region>(
          'select region, state, lease_owner, synced_at, seen_in_pass from fleet_region order by region',
        )
      ).rows;

    // Both start at once; the leases give each region to one of them.
    await Promise.all([a.ready(90_000), b.ready(90_000)]);
    // One pass per region, not two: its pages, and the pages of its FC 2.0 functions.
    const pagesOfOnePass = (region: string) => {
      const stored = [...(emulator.fleet.region(region)?.scan(undefined) ?? [])];
      const v2 = stored.filter((s) => s.fcVersion === 'v2').length;
      return Math.ceil(stored.length / 100) + Math.max(1, Math.ceil(v2 / 100));
    };
    expect(emulator.stats.count('ListFunctions')).toBe(REGIONS.reduce((n, r) => n + pagesOfOnePass(r), 0));

    const page = async (base: string) =>
      (await (await fetch(`${base}/api/functions?region=all&sort=memorySize:desc&limit=100`)).json()) as {
        functions: unknown[];
      };
    // Alike but for the cursor: it carries its expiry in whole seconds, which two requests can straddle.
    const withoutCursor = (answer: unknown) => ({ ...(answer as object), cursor: undefined });
    const [fromA, fromB] = await Promise.all([page(a.base), page(b.base)]);
    expect(fromA.functions).toHaveLength(100);
    expect(withoutCursor(fromB)).toEqual(withoutCursor(fromA));
    const next = async (base: string, cursor: unknown) =>
      (
        await fetch(
          `${base}/api/functions?region=all&sort=memorySize:desc&limit=100&cursor=${encodeURIComponent(String(cursor))}`,
        )
      ).json();
    const cursor = (fromA as { cursor?: string }).cursor;
    // A cursor made by one replica is good on the other (they share FC_SESSION_SECRET).
    expect(withoutCursor(await next(b.base, cursor))).toEqual(withoutCursor(await next(a.base, cursor)));
    expect((await next(b.base, cursor)).functions).toHaveLength(100);

    // A change, a refresh, and the lease holder of the region dies in the middle of its pass.
    emulator.putFunction('cn-hangzhou', {
      functionName: 'zz-after-the-kill',
      runtime: 'go1',
      memorySize: 128,
    });
    emulator.deleteFunction('cn-hangzhou', emulator.fleet.region('cn-hangzhou')?.allNames()[0] ?? '');
    const refreshed = await fetch(`${a.base}/api/refresh?region=cn-hangzhou`, { method: 'POST' });
    expect(refreshed.status).toBe(202);
    const holder = await until('a pass under way', async () => {
      const hz = (await regions()).find((r) => r.region === 'cn-hangzhou');
      return hz?.state === 'syncing' && hz.seen_in_pass > 0 && hz.lease_owner ? hz.lease_owner : undefined;
    });
    const pid = Number(holder.split(':')[1]);
    const victim = [a, b].find((p) => p.child.pid === pid);
    const survivor = [a, b].find((p) => p.child.pid !== pid);
    if (!victim || !survivor) throw new Error(`lease owner ${holder} is neither process`);
    victim.child.kill('SIGKILL');
    await new Promise((done) => victim.child.once('exit', done));
    const killedAt = new Date();

    // Within a lease period the survivor takes the region over and completes the pass.
    const done = await until('the survivor to finish the pass', async () => {
      const hz = (await regions()).find((r) => r.region === 'cn-hangzhou');
      return hz?.state === 'ready' && hz.synced_at && hz.synced_at > killedAt ? hz : undefined;
    });
    expect(done.lease_owner).toBeNull();
    const names = (
      await sql.query<{ name: string }>(
        "select name from fleet_function where region = 'cn-hangzhou' order by name",
      )
    ).rows.map((r) => r.name);
    const expected = (emulator.fleet.region('cn-hangzhou')?.allNames() ?? []).sort();
    expect(names).toEqual(expected);
    expect(names).toContain('zz-after-the-kill');
    const after = (await (
      await fetch(`${survivor.base}/api/functions?region=cn-hangzhou&prefix=zz-after`)
    ).json()) as { functions: unknown[] };
    expect(after.functions).toHaveLength(1);
  }, 240_000);
});
