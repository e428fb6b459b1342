import { FACET_NAMES, type FacetCount, lifecycleOf } from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import { FEATURES } from '../sync/function-row.ts';
import { type FacetName, facetClauses } from './facet-filters.ts';
import { facetScanSql } from './facet-scan.ts';
import type { IndexFilters } from './index-filters.ts';
import { withoutWholeFleetFilters } from './whole-fleet-filters.ts';

export type { FacetName } from './facet-filters.ts';

/** One value of a facet and how many functions have it (`null`: functions without a value). */
export type FacetValue = FacetCount;

/** Counts per facet value, and the total under all the filters. */
export interface FacetCounts {
  total: number;
  facets: Record<FacetName, FacetValue[]>;
}

type CountRow = { facet: string; code: number; n: number; value: string | null };

// Codes become values: dictionary terms by their code, the rest by their own rule.
const decode = (source: string) => `
select x.facet, x.code, x.n, t.value from (${source}) x
left join fleet_term t on t.code = x.code and x.facet not in ('internetAccess', 'has', 'total')
where x.n > 0`;

function facetValue(row: CountRow): string | boolean | null {
  if (row.facet === 'internetAccess') return row.code === 1;
  if (row.facet === 'has') return FEATURES[row.code] ?? null;
  return row.code === 0 ? null : row.value;
}

/**
 * Counts, under the filters, how many functions have each value of every facet, and the total.
 * A facet is counted under every filter but its own, so choosing `nodejs18` still shows how many
 * `python3.10` functions the rest of the view has. It is counted on the narrow `fleet_facet` rows
 * (see facet-scan.ts); a facet whose only other filters are on account, region or memory is read
 * from the counts the triggers keep, so a view of some regions, or not filtered, scans nothing.
 * @example const { total, facets } = await facetCounts(sql, { has: ['gpu'] }); facets.runtime[0]; // { value: 'custom-container', count: 412 }
 */
export async function facetCounts(sql: SqlClient, filters: IndexFilters): Promise<FacetCounts> {
  const params: SqlValue[] = [];
  const narrowing = await withoutWholeFleetFilters(sql, filters);
  const clauses = facetClauses(narrowing, (value) => `$${params.push(value)}`);
  // A facet's counts come from the kept ones when its other filters are all on place or memory.
  const whole = (facet: FacetName | 'total') =>
    clauses.every((c) => c.owner === facet || c.totals !== undefined);
  const fromTotals = [...FACET_NAMES, 'total' as const].filter(whole);
  const scanned = FACET_NAMES.filter((facet) => !whole(facet));
  const parts: string[] = [];
  // One read of the kept counts per set of conditions (a facet ignores its own filter).
  const byConditions = new Map<string, (FacetName | 'total')[]>();
  for (const facet of fromTotals) {
    const conditions = clauses.flatMap((c) => (c.owner !== facet && c.totals ? [`and ${c.totals}`] : []));
    const key = conditions.join(' ');
    byConditions.set(key, [...(byConditions.get(key) ?? []), facet]);
  }
  for (const [conditions, facets] of byConditions) {
    const kept = facets.filter((facet) => facet !== 'lifecycle');
    if (kept.length > 0)
      parts.push(`select facet, code, sum(n)::integer as n from fleet_facet_total
        where facet = any(${`$${params.push(kept)}`}::text[]) ${conditions}
        group by facet, code`);
    // Statuses are not kept: they change with the date. Counted by runtime, turned into statuses below.
    if (facets.includes('lifecycle'))
      parts.push(`select 'lifecycle' as facet, code, sum(n)::integer as n from fleet_facet_total
        where facet = 'runtime' ${conditions} group by code`);
  }
  if (scanned.length > 0) parts.push(facetScanSql(clauses, scanned, !whole('total')));
  const { rows } = await sql.query<CountRow>(
    decode(parts.map((part) => `(${part})`).join('\nunion all\n')),
    params,
  );
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetValue[]])) as Record<
    FacetName,
    FacetValue[]
  >;
  let total = 0;
  const now = new Date();
  const statuses = new Map<string, number>();
  for (const row of rows) {
    if (row.facet === 'total') total = row.n;
    else if (row.facet === 'lifecycle') {
      const status = lifecycleOf(row.value, now).status;
      statuses.set(status, (statuses.get(status) ?? 0) + row.n);
    } else if (FACET_NAMES.includes(row.facet as FacetName))
      facets[row.facet as FacetName].push({ value: facetValue(row), count: row.n });
  }
  facets.lifecycle = [...statuses].map(([value, count]) => ({ value, count }));
  for (const values of Object.values(facets))
    values.sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  return { total, facets };
}
