import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { type CursorCodec, type CursorState, queryKey } from '../cursor/cursor-codec.ts';
import { ApiError } from '../errors.ts';
import { extendedPredicate } from '../query/extended-filters.ts';
import { parseListQuery } from '../query/parse-list-query.ts';
import { nameOrderPage } from '../scan/name-order-page.ts';
import { buildSortedView, type SortedView, sortedPage } from '../scan/sorted-page.ts';
import type { FleetSource } from '../upstream/fleet-source.ts';
import { toApiError } from '../upstream/map-upstream-error.ts';
import type { TtlLruCache } from '../upstream/ttl-lru-cache.ts';

/** What the list route needs. */
export interface ListDeps {
  accounts: readonly Account[];
  source: FleetSource;
  cursors: CursorCodec;
  views: TtlLruCache<SortedView>;
  scan: { maxPages: number; maxMs: number };
  now: () => number;
}

/**
 * `GET /api/functions`: native filters go to the cloud, extended filters are applied while paging,
 * several regions merge into one order, and every page is full unless it says `complete: false`.
 */
export function listFunctionsRoute(deps: ListDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const req = parseListQuery(new URL(c.req.url), deps.accounts);
    const predicate = extendedPredicate(req.extended);
    const key = await queryKey([req.account.alias, req.regions, req.native, req.extended, req.sort]);
    const nameOrder = req.sort.field === 'name' && req.sort.dir === 'asc';
    let state: CursorState | undefined;
    if (req.cursor) {
      state = await deps.cursors.decode(req.cursor, key);
      // The query key covers the sort, so this cannot happen with our own cursors; never restart silently.
      if ((state.m === 'n') !== nameOrder)
        throw new ApiError(
          'CursorMismatch',
          'The cursor belongs to a different sort. Reload the list from the top.',
        );
    }
    const common = {
      source: deps.source,
      account: req.account.alias,
      regions: req.regions,
      native: req.native,
      predicate,
    };
    const page = nameOrder
      ? await nameOrderPage({
          ...common,
          state: state?.m === 'n' ? state : undefined,
          limit: req.limit,
          budget: { pagesLeft: deps.scan.maxPages, deadline: deps.now() + deps.scan.maxMs, now: deps.now },
        })
      : await sortedPage({
          views: deps.views,
          viewKey: key,
          build: () => buildSortedView({ ...common, sort: req.sort }),
          sort: req.sort,
          state: state?.m === 's' ? state : undefined,
          limit: req.limit,
        });
    if (page.allFailed && page.items.length === 0) {
      const { region, ...error } = page.allFailed;
      throw toApiError(region, { ...error, retryable: true });
    }
    const cursor = page.next ? await deps.cursors.encode(page.next, key) : undefined;
    const errors = page.failures.map((f) => ({ account: req.account.alias, ...f }));
    return c.json(
      {
        functions: page.items,
        ...(cursor ? { cursor } : {}),
        scanned: page.scanned,
        complete: page.complete,
        ...(errors.length ? { errors } : {}),
      },
      200,
    );
  });
}
