import type { RefreshAnswer } from '@fc-fleet/fleet-contract';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { isCrossSite } from '../middleware/cross-site.ts';
import { parseScope } from '../query/parse-list-query.ts';
import { readParams } from '../query/query-params.ts';
import type { FleetStore } from '../store/fleet-store.ts';
import type { SyncScheduler } from '../sync/sync-scheduler.ts';

/** Options of {@link refreshRoute}. */
export interface RefreshDeps {
  accounts: readonly Account[];
  store: FleetStore;
  sync: SyncScheduler;
  /** Refreshes one client may ask for per minute. */
  perMinute: number;
  now: () => number;
}

/**
 * `POST /api/refresh?account=&region=`: passes of the regions in view, now. A region already
 * syncing is not started again (the answer says it is syncing); each client (session, bearer
 * address or user) may ask `perMinute` times a minute, since every pass costs upstream calls.
 */
export function refreshRoute(deps: RefreshDeps) {
  const asked = new Map<string, number[]>();
  return new Hono<AppEnv>().post('/', async (c) => {
    if (isCrossSite(c))
      throw new ApiError('Forbidden', 'Refresh is asked from the dashboard itself, not from another site.');
    const scope = parseScope(readParams(new URL(c.req.url), ['account', 'region']), deps.accounts);
    const who = c.get('rateLimitKey') || c.get('principal') || 'anonymous';
    const now = deps.now();
    const recent = (asked.get(who) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= deps.perMinute) {
      const retry = Math.ceil((60_000 - (now - (recent[0] ?? now))) / 1000);
      throw new ApiError(
        'RateLimited',
        `Refresh was asked ${recent.length} times in the last minute; try again in ${retry} s.`,
        {
          'Retry-After': String(Math.max(1, retry)),
        },
      );
    }
    asked.delete(who);
    asked.set(who, [...recent, now]);
    if (asked.size > 10_000) asked.delete(asked.keys().next().value ?? '');
    const targets = scope.accounts.flatMap((a) =>
      a.regions.filter((r) => scope.regions.includes(r)).map((region) => ({ account: a.alias, region })),
    );
    const requested = deps.sync.refresh(targets);
    const regions = await deps.store.read((sql) => deps.store.status(sql, scope.accounts, scope.regions));
    const answer: RefreshAnswer = { requested, regions };
    return c.json(answer, 202);
  });
}
