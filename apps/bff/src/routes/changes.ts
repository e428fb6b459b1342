import { type ChangesAnswer, changeInstant, FILTER_NAMES, parseChangeQuery } from '@fc-fleet/fleet-contract';
import { listChanges } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import { type CursorCodec, queryKey } from '../cursor/cursor-codec.ts';
import { ApiError } from '../errors.ts';
import { toIndexFilters } from '../query/index-filters.ts';
import { parseFilterQuery } from '../query/parse-list-query.ts';
import { readParams } from '../query/query-params.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/** Every parameter `GET /api/changes` takes: the view's own, the change filters, paging. */
export const CHANGE_PARAMS = [
  'account',
  'region',
  ...FILTER_NAMES,
  'kind',
  'field',
  'name',
  'since',
  'until',
  'limit',
  'cursor',
] as const;

/**
 * `GET /api/changes`: what passes saw change, newest first, from the index. The view's accounts
 * and regions choose where; `prefix` and `name` match the event's function (deleted ones too);
 * the table's other filters keep the events of functions the view shows; `kind`, `field`,
 * `since` and `until` narrow the events. Keyset paging by event id, with the list's signed cursors.
 */
export function changesRoute(deps: {
  accounts: readonly Account[];
  store: FleetStore;
  cursors: CursorCodec;
  now: () => number;
}) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const url = new URL(c.req.url);
    const req = parseFilterQuery(url, deps.accounts, CHANGE_PARAMS);
    const p = readParams(url, CHANGE_PARAMS);
    const now = deps.now();
    const { query, problems } = parseChangeQuery((name) => p.get(name), now);
    const problem = problems[0];
    if (problem) throw new ApiError('InvalidParameter', `Parameter "${problem.param}" ${problem.message}.`);
    const { accounts, regions, prefix, ...view } = toIndexFilters(req);
    // The raw since/until, not their instants: a page's cursor stays good while "24h" moves on.
    const key = await queryKey({ changes: { accounts, regions, prefix, view, query } });
    const afterId = req.cursor ? await deps.cursors.decodeEventId(req.cursor, key) : undefined;
    const since = query.since ? changeInstant(query.since, now) : undefined;
    const until = query.until ? changeInstant(query.until, now) : undefined;
    const [page, status] = await deps.store.read((sql) =>
      Promise.all([
        listChanges(sql, {
          filters: {
            ...(accounts ? { accounts } : {}),
            ...(regions ? { regions } : {}),
            ...(prefix ? { prefix } : {}),
            ...(query.kinds ? { kinds: query.kinds } : {}),
            ...(query.fields ? { fields: query.fields } : {}),
            ...(query.name ? { name: query.name } : {}),
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
            ...(Object.keys(view).length > 0 ? { view } : {}),
          },
          limit: req.limit,
          ...(afterId ? { afterId } : {}),
        }),
        deps.store.status(sql, req.accounts, req.regions),
      ]),
    );
    const cursor = page.nextId ? await deps.cursors.encodeEventId(page.nextId, key) : undefined;
    const answer: ChangesAnswer = { changes: page.events, ...(cursor ? { cursor } : {}), regions: status };
    return c.json(answer, 200);
  });
}
