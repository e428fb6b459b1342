import type { FacetsAnswer } from '@fc-fleet/fleet-contract';
import { facetCounts } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { toIndexFilters } from '../query/index-filters.ts';
import { FILTER_PARAMS, parseFilterQuery } from '../query/parse-list-query.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/**
 * `GET /api/facets`: with the list's filters, how many functions have each runtime, GPU type,
 * region, account, FC version, VPC, internet access, `env`/`team` tag and feature, and the total.
 * Each facet is counted under every filter but its own. From the index; no call to the cloud.
 */
export function facetsRoute(deps: { accounts: readonly Account[]; store: FleetStore }) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const req = parseFilterQuery(new URL(c.req.url), deps.accounts, FILTER_PARAMS);
    const filters = toIndexFilters(req);
    const [counts, regions] = await deps.store.read((sql) =>
      Promise.all([facetCounts(sql, filters), deps.store.status(sql, req.accounts, req.regions)]),
    );
    const answer: FacetsAnswer = { total: counts.total, facets: counts.facets, regions };
    return c.json(answer, 200);
  });
}
