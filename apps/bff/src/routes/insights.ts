import type { InsightsAnswer } from '@fc-fleet/fleet-contract';
import { fleetInsights } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { toIndexFilters } from '../query/index-filters.ts';
import { FILTER_PARAMS, parseFilterQuery } from '../query/parse-list-query.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/**
 * `GET /api/insights`: the view's functions counted every way the Insights page shows them
 * (runtime and lifecycle, place, tags, GPUs, memory, network, image acceleration, changes per
 * day), under the same parameters as `/api/facets`. From the index; no call to the cloud.
 */
export function insightsRoute(deps: { accounts: readonly Account[]; store: FleetStore; now: () => number }) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const req = parseFilterQuery(new URL(c.req.url), deps.accounts, FILTER_PARAMS);
    const filters = toIndexFilters(req);
    const now = new Date(deps.now());
    const [insights, regions] = await deps.store.read((sql) =>
      Promise.all([fleetInsights(sql, filters, now), deps.store.status(sql, req.accounts, req.regions)]),
    );
    // An account's link keeps to the view's regions that account has: another account's region
    // is not one of its own, and the table would refuse it.
    const byAccount = insights.byAccount.map((c) => {
      const account = req.accounts.find((a) => a.alias === c.value);
      return { ...c, regions: req.regions.filter((r) => account?.regions.includes(r)) };
    });
    const answer: InsightsAnswer = { ...insights, byAccount, regions };
    return c.json(answer, 200);
  });
}
