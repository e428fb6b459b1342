import type { SqlClient } from '../db/sql-client.ts';
import type { IndexFilters } from './index-filters.ts';

// The accounts and regions the index holds any function of, from the fleet-wide counts (a few
// hundred rows, read through their primary key).
const PRESENT = `
select t.facet, t.value from fleet_facet_total x
join fleet_term t on t.code = x.code and t.facet = x.facet
where x.facet in ('account', 'region')
group by t.facet, t.value having sum(x.n) > 0`;

/**
 * The filters without an account or region filter that lets every function through: the BFF
 * always names the accounts and regions of a view, and a view of all of them is the whole fleet.
 * Dropped, such a filter no longer keeps the counts kept by the triggers from answering, nor
 * makes a selection read every facet row through the GIN index to find all of them.
 * A region whose first function is written between this read and the query that follows it can
 * show in that one answer; the next one filters it again.
 * @example await withoutWholeFleetFilters(sql, { accounts: ['prod'], regions: ['cn-hangzhou'] }); // {} when prod has only cn-hangzhou
 */
export async function withoutWholeFleetFilters(sql: SqlClient, filters: IndexFilters): Promise<IndexFilters> {
  if (!filters.accounts && !filters.regions) return filters;
  const { rows } = await sql.query<{ facet: 'account' | 'region'; value: string }>(PRESENT);
  return withoutCovering(filters, {
    accounts: rows.flatMap((r) => (r.facet === 'account' ? [r.value] : [])),
    regions: rows.flatMap((r) => (r.facet === 'region' ? [r.value] : [])),
  });
}

/**
 * The filters without an account or region list that names every one of `present`: such a
 * filter lets everything through (the index's functions, or its history's events).
 * @example withoutCovering({ regions: ['a', 'b'], kinds: ['deleted'] }, { accounts: [], regions: ['a', 'b'] }); // { kinds: ['deleted'] }
 */
export function withoutCovering<F extends { accounts?: readonly string[]; regions?: readonly string[] }>(
  filters: F,
  present: { accounts: readonly string[]; regions: readonly string[] },
): F {
  const covers = (wanted: readonly string[], all: readonly string[]) => all.every((v) => wanted.includes(v));
  const out: F = { ...filters };
  if (filters.accounts && covers(filters.accounts, present.accounts)) delete out.accounts;
  if (filters.regions && covers(filters.regions, present.regions)) delete out.regions;
  return out;
}
