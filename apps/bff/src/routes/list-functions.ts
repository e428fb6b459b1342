import type { FunctionsAnswer } from '@fc-fleet/fleet-contract';
import { listPage } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { type CursorCodec, queryKey } from '../cursor/cursor-codec.ts';
import { toIndexFilters } from '../query/index-filters.ts';
import { parseListQuery } from '../query/parse-list-query.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/** What the list route needs. */
export interface ListDeps {
  accounts: readonly Account[];
  store: FleetStore;
  cursors: CursorCodec;
}

/**
 * `GET /api/functions`: every filter, sort, region and account from the index, by keyset, with
 * no call to the cloud. Each page is full unless it is the last, and says how fresh its regions are.
 */
export function listFunctionsRoute(deps: ListDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const req = parseListQuery(new URL(c.req.url), deps.accounts);
    const filters = toIndexFilters(req);
    const key = await queryKey({ filters, sort: req.sort });
    const after = req.cursor ? await deps.cursors.decode(req.cursor, key) : undefined;
    const [page, regions] = await deps.store.read(async (sql) =>
      Promise.all([
        listPage(sql, { filters, sort: req.sort, limit: req.limit, after }),
        deps.store.status(sql, req.accounts, req.regions),
      ]),
    );
    const cursor = page.next ? await deps.cursors.encode(page.next, key) : undefined;
    const answer: FunctionsAnswer = {
      functions: page.rows,
      ...(cursor ? { cursor } : {}),
      scanned: page.rows.length,
      complete: true,
      regions,
    };
    return c.json(answer, 200);
  });
}
