import {
  analyzeChanges,
  type ListPage,
  type PassReport,
  type PrintKey,
  pruneChanges,
  releaseLease,
  renewLease,
  runPass,
  type SqlClient,
  tryLease,
} from '@fc-fleet/fleet-index';
import type { Account } from '../accounts/account.ts';
import type { Logger } from '../observability/logger.ts';
import { sleep } from './abortable-sleep.ts';
import { passInterval } from './pass-interval.ts';

/** One (account, region) the BFF keeps in the index. */
export interface SyncTarget {
  account: string;
  region: string;
}

/** Options of {@link createSyncScheduler}. */
export interface SyncSchedulerOptions {
  store: SqlClient;
  accounts: readonly Account[];
  /** ListFunctions for a region, bounded by the account's upstream limiter. */
  list: (account: string, region: string) => ListPage;
  /** The shortest time between two passes of a region (FC_SYNC_INTERVAL_SECONDS). */
  intervalMs: number;
  /** Upstream calls per second per account, the budget passes must stay within (FC_UPSTREAM_RPS). */
  upstreamRps: number;
  /** This process's id for leases; replicas on one PostgreSQL each sync only the regions they lease. */
  owner: string;
  leaseTtlMs?: number;
  /** The key environment values are printed with, so the history can tell that one changed. */
  printKey?: PrintKey;
  /** How long change events are kept (FC_HISTORY_DAYS); older ones are pruned in the background. */
  historyDays?: number;
  logger: Logger;
  now?: () => number;
}

/** How often the history is pruned. */
const PRUNE_EVERY_MS = 3_600_000;

/** The lease ran out mid-pass and another process holds it now. */
class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

const key = (t: SyncTarget) => `${t.account}\u0000${t.region}`;
/**
 * Keeps the index in step with the cloud: a loop per (account, region) that runs a pass when the
 * last one is older than the interval, which stretches with the fleet so that passes stay within
 * the upstream budget (the budget wins over the interval). A pass runs only under the region's
 * lease, so replicas sharing a PostgreSQL never sync one region twice at once, and a replica that
 * dies mid-pass is replaced when its lease runs out. `refresh` asks for passes now, coalesced.
 * @example const sync = createSyncScheduler(options); sync.start(); await sync.refresh([{ account: 'prod', region: 'cn-hangzhou' }]);
 */
export function createSyncScheduler(options: SyncSchedulerOptions) {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const targets: SyncTarget[] = options.accounts.flatMap((a) =>
    a.regions.map((region) => ({ account: a.alias, region })),
  );
  const running = new Map<string, Promise<PassReport | undefined>>();
  const wakers = new Map<string, { fn?: () => void }>();
  const stopper = new AbortController();
  let loops: Promise<void>[] = [];

  async function pass(target: SyncTarget): Promise<PassReport | undefined> {
    const lease = { ...target, owner: options.owner, ttlMs: leaseTtlMs };
    if (!(await tryLease(store, lease))) return undefined;
    const started = now();
    const list = options.list(target.account, target.region);
    // Renewed after every answer and before its page is written: a process that stalled past its
    // lease (another has taken over) stops there, so it never writes or deletes from a stale listing.
    const leased: ListPage = async (query, signal) => {
      const page = await list(query, signal).catch((error: unknown) => {
        // The limiter rejects a call the signal aborted before it started; the pass takes failures as values.
        if (signal?.aborted)
          return {
            ok: false as const,
            error: { code: 'Aborted', message: 'the pass was stopped', retryable: false },
          };
        throw error;
      });
      if (!(await renewLease(store, lease))) throw new LeaseLostError();
      return page;
    };
    try {
      const report = await runPass({
        sql: store,
        ...target,
        list: leased,
        signal: stopper.signal,
        now,
        ...(options.printKey ? { printKey: options.printKey } : {}),
      });
      const fields = {
        ...target,
        ms: now() - started,
        pages: report.pages,
        written: report.written,
        deleted: report.deleted,
      };
      if (report.complete) logger.info('sync pass complete', { ...fields, functions: report.listed });
      else
        logger.warn('sync pass failed', {
          ...fields,
          code: report.error?.code,
          message: report.error?.message,
        });
      return report;
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      logger.warn('sync pass stopped: another process took the lease over', {
        ...target,
        ms: now() - started,
      });
      return undefined;
    } finally {
      await releaseLease(store, lease).catch(() => {});
    }
  }

  /** Runs a pass of a region now unless one is running (then that one is awaited). */
  function passNow(target: SyncTarget): Promise<PassReport | undefined> {
    const k = key(target);
    const current = running.get(k);
    if (current) return current;
    const promise = pass(target).finally(() => running.delete(k));
    running.set(k, promise);
    return promise;
  }

  async function due(target: SyncTarget): Promise<number> {
    const { rows } = await store.query<{
      state: string;
      synced_at: Date | null;
      pass_started_at: Date | null;
    }>('select state, synced_at, pass_started_at from fleet_region where account = $1 and region = $2', [
      target.account,
      target.region,
    ]);
    const row = rows[0];
    const interval = await passInterval(store, target.account, {
      intervalMs: options.intervalMs,
      upstreamRps: options.upstreamRps,
      regions: targets.filter((t) => t.account === target.account).length,
    });
    // A failed pass is retried sooner than a good one is repeated, but never in a tight loop, even
    // in a region that has never had a good pass (a region down since start-up).
    const failedAt = row?.state === 'failed' ? (row.pass_started_at ?? row.synced_at) : null;
    if (failedAt) return Math.max(0, failedAt.getTime() + Math.min(interval, 60_000) - now());
    if (!row?.synced_at) return 0;
    // A pass that is marked running but not here was cut short elsewhere (a replica died): go on
    // now; the lease keeps this from racing a replica that is still alive.
    if (row.state === 'syncing' && !running.has(key(target))) return 0;
    return Math.max(0, row.synced_at.getTime() + interval - now());
  }

  async function loop(target: SyncTarget): Promise<void> {
    const wake: { fn?: () => void } = {};
    wakers.set(key(target), wake);
    while (!stopper.signal.aborted) {
      let delay: number;
      try {
        delay = await due(target);
        if (delay === 0) {
          const report = await passNow(target);
          // Someone else holds the lease: look again when it would have expired.
          delay = report === undefined ? leaseTtlMs : await due(target);
        }
      } catch (error) {
        if (stopper.signal.aborted) return;
        logger.warn('sync loop error; retrying', { ...target, error });
        delay = 15_000;
      }
      // Never longer than a lease: a pass another process started (a refresh there) and then
      // abandoned (it died) must be taken over within a lease period, not at the next interval.
      await sleep(Math.min(Math.max(delay, 250), Math.max(leaseTtlMs, 250)), stopper.signal, wake);
    }
  }

  /** Removes events older than the retention, in batches; returns how many went. */
  async function pruneHistory(): Promise<number> {
    if (options.historyDays === undefined) return 0;
    const cutoff = new Date(now() - options.historyDays * 86_400_000);
    let pruned = 0;
    for (;;) {
      const n = await pruneChanges(store, cutoff);
      pruned += n;
      if (n < 5000 || stopper.signal.aborted) break;
    }
    if (pruned > 0) logger.info('history pruned', { events: pruned, before: cutoff.toISOString() });
    await analyzeChanges(store);
    return pruned;
  }

  async function pruneLoop(): Promise<void> {
    while (!stopper.signal.aborted) {
      // Every replica prunes; a delete of what another already deleted removes nothing.
      await pruneHistory().catch((error: unknown) =>
        logger.warn('history prune failed; retrying', { error }),
      );
      await sleep(PRUNE_EVERY_MS, stopper.signal);
    }
  }

  return {
    targets: () => targets,
    /** Starts a loop per (account, region), and the history's pruning. */
    start(): void {
      if (loops.length === 0) loops = [...targets.map((t) => loop(t)), pruneLoop()];
    },
    /** Prunes the history to its retention now (the background loop does it hourly). */
    pruneHistory,
    /** Asks for passes of these regions now; a region already syncing is not started twice. */
    refresh(wanted: readonly SyncTarget[]): SyncTarget[] {
      const known = wanted.filter((w) => targets.some((t) => key(t) === key(w)));
      for (const target of known)
        void passNow(target).catch((error: unknown) => logger.warn('refresh failed', { ...target, error }));
      return known;
    },
    /** Runs one pass of every region (or those given) and waits for them; for tests and start-up. */
    async syncAll(only: readonly SyncTarget[] = targets): Promise<(PassReport | undefined)[]> {
      return Promise.all(only.map((t) => passNow(t)));
    },
    /** Whether a pass of this region is running in this process. */
    isRunning: (target: SyncTarget) => running.has(key(target)),
    /** Stops the loops and aborts running passes (they delete nothing); resolves when they have ended. */
    async stop(): Promise<void> {
      stopper.abort();
      for (const wake of wakers.values()) wake.fn?.();
      await Promise.allSettled([...loops, ...running.values()]);
    },
  };
}

/** A scheduler made by `createSyncScheduler`. */
export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
