import type { ListPage } from '@fc-fleet/fleet-index';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { createTestApp, type Row } from '../test-support/test-app.ts';
import { createSyncScheduler } from './sync-scheduler.ts';

// Schedulers built here share the test app's emulator and database; the app only reads. Its own
// scheduler never runs (nothing below calls `t.ready()` or `t.get`).
type TestApp = ReturnType<typeof createTestApp>;
const HANGZHOU = { account: 'test', region: 'cn-hangzhou' };

function scheduler(
  t: TestApp,
  options: { owner: string; intervalMs?: number; leaseTtlMs?: number; list?: (region: string) => ListPage },
) {
  const logs: string[] = [];
  const sync = createSyncScheduler({
    store: t.sql,
    accounts: [t.account],
    list: (account, region) => options.list?.(region) ?? t.source.lister(account, region),
    intervalMs: options.intervalMs ?? 60_000,
    upstreamRps: 1000,
    owner: options.owner,
    leaseTtlMs: options.leaseTtlMs,
    logger: createLogger({ sink: (line) => logs.push(line) }),
  });
  return Object.assign(sync, { logs });
}

/** The names the app lists for a region, read straight from the index. */
async function listed(t: TestApp, region = 'cn-hangzhou'): Promise<string[]> {
  const names: string[] = [];
  let cursor = '';
  for (let page = 0; page < 100; page++) {
    const res = await t.app.request(
      `/api/functions?region=${region}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const body = (await res.json()) as { functions: Row[]; cursor?: string };
    names.push(...body.functions.map((r) => r.function.functionName));
    if (!body.cursor) return names;
    cursor = body.cursor;
  }
  throw new Error('the list does not end');
}

const cloud = (t: TestApp, region = 'cn-hangzhou') => t.emulator.fleet.region(region)?.allNames() ?? [];
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits, a bounded number of times, for a condition that a running scheduler should bring about. */
async function eventually(what: string, condition: () => Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await tick();
  }
  throw new Error(`never happened: ${what}`);
}

describe('sync scheduler', () => {
  it('start() runs a pass of every region, then more passes that pick up changes, until stop()', async () => {
    const t = createTestApp({
      emulator: { fleet: { functionsPerRegion: 120, regions: ['cn-hangzhou', 'cn-beijing'] } },
    });
    const sync = scheduler(t, { owner: 'looping', intervalMs: 50 });
    sync.start();
    try {
      await eventually(
        'the first passes',
        async () => (await listed(t)).length === 120 && (await listed(t, 'cn-beijing')).length === 120,
      );
      t.emulator.putFunction('cn-beijing', { functionName: 'aaa-appeared-later', runtime: 'go1' });
      t.emulator.deleteFunction('cn-hangzhou', cloud(t)[5] ?? '');
      await eventually('a later pass', async () =>
        (await listed(t, 'cn-beijing')).includes('aaa-appeared-later'),
      );
      await eventually('the deletion', async () => (await listed(t)).length === 119);
      expect(await listed(t)).toEqual(cloud(t));
    } finally {
      await sync.stop();
    }
    const calls = t.emulator.stats.count('ListFunctions');
    // Two regions, at least two passes each, each pass two calls (FC 2.0 names, then the functions).
    expect(calls).toBeGreaterThanOrEqual(8);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(t.emulator.stats.count('ListFunctions')).toBe(calls);
  });

  it('a pass over an unchanged fleet writes nothing; an edit writes one row', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 250, regions: ['cn-hangzhou'] } } });
    const sync = scheduler(t, { owner: 'counting' });
    const [first] = await sync.syncAll();
    expect([first?.complete, first?.listed, first?.written, first?.deleted]).toEqual([true, 250, 250, 0]);
    const [second] = await sync.syncAll();
    expect([second?.complete, second?.listed, second?.written, second?.deleted]).toEqual([true, 250, 0, 0]);
    const stored = t.emulator.fleet.region('cn-hangzhou')?.get(cloud(t)[100] ?? '');
    if (!stored) throw new Error('no function');
    t.emulator.putFunction('cn-hangzhou', { ...stored.fn, timeout: 899 });
    t.emulator.deleteFunction('cn-hangzhou', cloud(t)[7] ?? '');
    const [third] = await sync.syncAll();
    expect([third?.complete, third?.listed, third?.written, third?.deleted]).toEqual([true, 249, 1, 1]);
  });

  it('a running scheduler takes a region over within a lease period when the process syncing it hangs', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300, regions: ['cn-hangzhou'] } } });
    let firstCalls = 0;
    const hung = scheduler(t, {
      owner: 'hung',
      leaseTtlMs: 400,
      list: (region) => {
        const list = t.source.lister('test', region);
        // Its third call never returns: a process that froze (or died) in the middle of a pass.
        return async (query, signal) => (++firstCalls >= 3 ? new Promise(() => {}) : list(query, signal));
      },
    });
    const survivor = scheduler(t, { owner: 'survivor', leaseTtlMs: 400, intervalMs: 600_000 });
    expect((await survivor.syncAll())[0]?.complete).toBe(true);
    survivor.start();
    try {
      void hung.syncAll();
      await eventually('the hung pass to start', async () => firstCalls === 3);
      const hungAt = new Date();
      t.emulator.putFunction('cn-hangzhou', { functionName: 'aaa-made-while-it-hung', runtime: 'go1' });
      // The interval is ten minutes; only the lease running out can bring the survivor in.
      await eventually('the survivor to take over', async () => {
        const meta = (await (await t.app.request('/api/meta')).json()) as {
          sync: { state: string; syncedAt?: string }[];
        };
        const status = meta.sync[0];
        return status?.state === 'ready' && new Date(status.syncedAt ?? 0) > hungAt;
      });
      expect(await listed(t)).toEqual(cloud(t));
    } finally {
      await survivor.stop();
    }
  });

  it('retries a region that has never had a good pass after a pause, not in a tight loop', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 10, regions: ['cn-hangzhou'] } } });
    let calls = 0;
    const down: ListPage = async () => {
      calls++;
      return { ok: false, error: { code: 'ServiceUnavailable', message: 'down', retryable: true } };
    };
    const sync = scheduler(t, { owner: 'retrying', intervalMs: 10_000, list: () => down });
    sync.start();
    try {
      await eventually('the first pass', async () => calls === 1 && !sync.isRunning(HANGZHOU));
      // The loop never sleeps less than 250 ms: four of its turns without a pass mean it waits.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(calls).toBe(1);
    } finally {
      await sync.stop();
    }
    const status = (await (await t.app.request('/api/meta')).json()) as {
      sync: { state: string; lastError?: { code: string } }[];
    };
    expect([status.sync[0]?.state, status.sync[0]?.lastError?.code]).toEqual([
      'failed',
      'ServiceUnavailable',
    ]);
  });

  it('stop() aborts a running pass, which deletes nothing', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 600, regions: ['cn-hangzhou'] } } });
    const sync = scheduler(t, { owner: 'stopping' });
    await sync.syncAll();
    const before = cloud(t);
    for (const name of before.slice(0, 30)) t.emulator.deleteFunction('cn-hangzhou', name);
    t.emulator.setFaults({ latencyMs: 150 });
    const calls = t.emulator.stats.count('ListFunctions');
    const running = sync.syncAll();
    await eventually(
      'the pass to read two pages',
      async () => t.emulator.stats.count('ListFunctions') >= calls + 2,
    );
    await sync.stop();
    expect(sync.isRunning(HANGZHOU)).toBe(false);
    const [report] = await running;
    expect([report?.complete, report?.deleted, report?.error?.code]).toEqual([false, 0, 'Aborted']);
    t.emulator.setFaults({});
    expect(await listed(t)).toEqual(before);
  });

  it('a second scheduler on the same database waits while the first holds the lease, and takes over when it expires', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 500, regions: ['cn-hangzhou'] } } });
    // The first scheduler's cloud stalls on its fourth call, as a replica that hangs mid-pass.
    let release = () => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstCalls = 0;
    const first = scheduler(t, {
      owner: 'first',
      leaseTtlMs: 400,
      list: (region) => {
        const list = t.source.lister('test', region);
        return async (query, signal) => {
          if (++firstCalls === 4) await stalled;
          return list(query, signal);
        };
      },
    });
    let secondCalls = 0;
    const second = scheduler(t, {
      owner: 'second',
      leaseTtlMs: 400,
      list: (region) => {
        const list = t.source.lister('test', region);
        return (query, signal) => {
          secondCalls++;
          return list(query, signal);
        };
      },
    });
    const firstPass = first.syncAll();
    await eventually('the first to stall', async () => firstCalls === 4);
    expect(await second.syncAll()).toEqual([undefined]);
    expect(secondCalls).toBe(0);

    // Meanwhile the cloud gains a function before the first's position, which only the second can see.
    t.emulator.putFunction('cn-hangzhou', { functionName: 'aaa-created-during-the-stall', runtime: 'go1' });
    let taken: Awaited<ReturnType<typeof second.syncAll>> = [undefined];
    await eventually('the lease to expire', async () => {
      taken = await second.syncAll();
      return taken[0] !== undefined;
    });
    expect(taken[0]?.complete).toBe(true);
    expect(await listed(t)).toEqual(cloud(t));

    // The first wakes up without its lease: it must not finish a pass (and delete what it did not see).
    release();
    const [late] = await firstPass;
    expect(late).toBeUndefined();
    expect(await listed(t)).toEqual(cloud(t));
    const status = (await (await t.app.request('/api/meta')).json()) as {
      sync: { region: string; state: string }[];
    };
    expect(status.sync.find((s) => s.region === 'cn-hangzhou')?.state).toBe('ready');
    await Promise.all([first.stop(), second.stop()]);
  });
});
