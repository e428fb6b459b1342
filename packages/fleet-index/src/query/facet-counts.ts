import type { SqlClient } from '../db/sql-client.ts';
import { buildWhere, type IndexFilters } from './index-filters.ts';

/** The facets the index counts, each with the filter that selects one of its values. */
const FACETS = [
  { name: 'runtime', expr: 'runtime', filter: 'runtime' },
  { name: 'gpuType', expr: 'gpu_type', filter: 'gpuType' },
  { name: 'region', expr: 'region', filter: 'regions' },
  { name: 'account', expr: 'account', filter: 'accounts' },
  { name: 'fcVersion', expr: 'fc_version', filter: 'fcVersion' },
  { name: 'vpcId', expr: 'vpc_id', filter: 'vpcId' },
  { name: 'internetAccess', expr: 'coalesce(internet_access, true)', filter: 'internetAccess' },
  { name: 'env', expr: 'tag_env', filter: 'tags' },
  { name: 'team', expr: 'tag_team', filter: 'tags' },
] as const satisfies readonly { name: string; expr: string; filter: keyof IndexFilters }[];

/** A facet's name. */
export type FacetName = (typeof FACETS)[number]['name'] | 'has';

/** One value of a facet and how many functions have it (`null`: functions without a value). */
export interface FacetValue {
  value: string | boolean | null;
  count: number;
}

/** Counts per facet value, and the total under all the filters. */
export interface FacetCounts {
  total: number;
  facets: Record<FacetName, FacetValue[]>;
}

type Facet = (typeof FACETS)[number];

/** Filters for counting one facet: everything but that facet's own choice (for tags: its own key only). */
function filtersFor(
  filters: IndexFilters,
  facet: Facet,
): { filters: IndexFilters; omit?: keyof IndexFilters } {
  if (facet.filter !== 'tags') return { filters, omit: facet.filter };
  return { filters: { ...filters, tags: filters.tags?.filter((t) => t.Key !== facet.name) } };
}

const active = (filters: IndexFilters, facet: Facet) =>
  facet.filter === 'tags'
    ? (filters.tags ?? []).some((t) => t.Key === facet.name)
    : filters[facet.filter] !== undefined;

async function countGroups(
  sql: SqlClient,
  facets: readonly Facet[],
  filters: IndexFilters,
  omit?: keyof IndexFilters,
) {
  const where = buildWhere(filters, omit);
  const cond = where.clauses.length ? `where ${where.clauses.join(' and ')}` : '';
  const cols = facets.map((f, i) => `${f.expr} as c${i}`).join(', ');
  const sets = facets.map((_, i) => `(c${i})`).join(', ');
  const groupingArgs = facets.map((_, i) => `c${i}`).join(', ');
  const { rows } = await sql.query<Record<string, unknown> & { n: number; g: number }>(
    `select ${facets.map((_, i) => `c${i}`).join(', ')}, count(*)::int as n, grouping(${groupingArgs})::int as g
     from (select ${cols} from fleet_function ${cond}) t group by grouping sets (${sets})`,
    where.params,
  );
  const out = new Map<string, FacetValue[]>();
  facets.forEach((facet, i) => {
    // grouping() sets a bit for every column NOT in the row's set; facet i is bit (n-1-i).
    const mine = rows.filter((r) => r.g === 2 ** facets.length - 1 - 2 ** (facets.length - 1 - i));
    out.set(
      facet.name,
      mine
        .map((r) => ({ value: r[`c${i}`] as string | boolean | null, count: r.n }))
        .sort((a, b) => b.count - a.count),
    );
  });
  return out;
}

/**
 * Counts, under the filters, how many functions have each value of every facet, and the total.
 * A facet is counted under every filter but its own, so choosing `nodejs18` still shows how many
 * `python3.10` functions the rest of the view has. Facets whose filter is not in use share one scan.
 * @example const { total, facets } = await facetCounts(sql, { has: ['gpu'] }); facets.runtime[0]; // { value: 'custom-container', count: 412 }
 */
export async function facetCounts(sql: SqlClient, filters: IndexFilters): Promise<FacetCounts> {
  const shared = FACETS.filter((f) => !active(filters, f));
  const own = FACETS.filter((f) => active(filters, f));
  const results = new Map<string, FacetValue[]>();
  if (shared.length > 0)
    for (const [name, values] of await countGroups(sql, shared, filters)) results.set(name, values);
  for (const facet of own) {
    const { filters: f, omit } = filtersFor(filters, facet);
    for (const [name, values] of await countGroups(sql, [facet], f, omit)) results.set(name, values);
  }
  const whereHas = buildWhere(filters, 'has');
  const hasRows = await sql.query<{ value: string; n: number }>(
    `select feature as value, count(*)::int as n from fleet_function, unnest(features) as feature
     ${whereHas.clauses.length ? `where ${whereHas.clauses.join(' and ')}` : ''} group by feature order by n desc`,
    whereHas.params,
  );
  const all = buildWhere(filters);
  const total = await sql.query<{ n: number }>(
    `select count(*)::int as n from fleet_function ${all.clauses.length ? `where ${all.clauses.join(' and ')}` : ''}`,
    all.params,
  );
  const facets = Object.fromEntries(FACETS.map((f) => [f.name, results.get(f.name) ?? []])) as Record<
    FacetName,
    FacetValue[]
  >;
  facets.has = hasRows.rows.map((r) => ({ value: r.value, count: r.n }));
  return { total: total.rows[0]?.n ?? 0, facets };
}
