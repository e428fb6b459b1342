import { GPU_TYPES } from '@fc-fleet/fc-api';
import { HAS_VALUES } from '@fc-fleet/fleet-contract';
import { distinctValues } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { readParams } from '../query/query-params.ts';
import { SORT_FIELDS } from '../query/sort-spec.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/** What `/api/meta` tells the UI. Aliases and ids only: never a credential. */
export interface MetaDeps {
  accounts: readonly Account[];
  demo: boolean;
  version: string;
  basePath: string;
  frameAncestors: readonly string[];
  /** How users sign in; the UI offers "Sign out" only in `token` mode. */
  auth: 'none' | 'token' | 'trusted-header';
  store: FleetStore;
  syncIntervalSeconds: number;
}

/**
 * `GET /api/meta`: accounts, regions, demo flag, version, sign-in mode, embedding origins, the
 * values the filter pickers offer, and how fresh the index is for every (account, region).
 */
export function metaRoute(deps: MetaDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    readParams(new URL(c.req.url), []);
    const [seen, sync] = await deps.store.read((sql) =>
      Promise.all([
        distinctValues(sql),
        deps.store.status(sql, deps.accounts, [...new Set(deps.accounts.flatMap((a) => a.regions))]),
      ]),
    );
    return c.json(
      {
        version: deps.version,
        demo: deps.demo,
        basePath: deps.basePath,
        auth: deps.auth,
        accounts: deps.accounts.map((a) => ({
          alias: a.alias,
          ...(a.accountId ? { accountId: a.accountId } : {}),
          regions: a.regions,
        })),
        embed: { frameAncestors: deps.frameAncestors },
        facets: {
          runtimes: seen.runtimes,
          gpuTypes: [...new Set([...GPU_TYPES.map((g) => g.type), ...seen.gpuTypes])].sort(),
          vpcIds: seen.vpcIds,
          has: HAS_VALUES,
          sortFields: SORT_FIELDS,
        },
        gpuCatalog: GPU_TYPES,
        store: deps.store.kind === 'postgres' ? 'postgres' : 'embedded',
        syncIntervalSeconds: deps.syncIntervalSeconds,
        sync,
      },
      200,
    );
  });
}
