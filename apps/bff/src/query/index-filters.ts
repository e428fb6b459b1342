import { tagText } from '@fc-fleet/fleet-contract';
import type { IndexFilters } from '@fc-fleet/fleet-index';
import type { ListRequest } from './parse-list-query.ts';

const sorted = <T>(items: readonly T[] | undefined, by: (item: T) => string = String) =>
  items ? [...items].sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0)) : undefined;

/**
 * The index's filters for a parsed request, normalised (lists sorted, empty values dropped), so
 * the same view in any parameter order has the same cursor key.
 * @example toIndexFilters(parseListQuery(url, accounts)); // { accounts: ['prod'], regions: ['cn-hangzhou'], runtime: 'nodejs18' }
 */
export function toIndexFilters(req: Pick<ListRequest, 'accounts' | 'regions' | 'filters'>): IndexFilters {
  const all: IndexFilters = {
    accounts: sorted(req.accounts.map((a) => a.alias)),
    regions: sorted(req.regions),
    ...req.filters,
    tags: sorted(req.filters.tags, tagText),
    has: sorted(req.filters.has),
    lacks: sorted(req.filters.lacks),
  };
  return Object.fromEntries(
    Object.entries(all).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as IndexFilters;
}
