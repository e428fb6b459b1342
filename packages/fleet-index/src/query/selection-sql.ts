import type { SortField } from '@fc-fleet/fleet-contract';
import { facetClauses, whereOf } from './facet-filters.ts';
import type { Param } from './index-filters.ts';
import { type PageQuery, SORT_COLUMNS, withViews } from './list-page-sql.ts';

// A selection sorts its matches on the facet rows themselves. Accounts, regions and runtimes are
// codes there; they sort by their rank among their facet's values (in code-point order, as the
// walk's "C" collation does), read from an integer array indexed by code, so no row is decoded
// until the page is chosen. A text array would be scanned element by element on every read.
const RANKS = `ranked as materialized (
    select code, facet, value, row_number() over (order by facet, value)::integer as rank
    from fleet_term where facet in ('account', 'region', 'runtime')),
  ranks as materialized (
    select array_agg(coalesce(r.rank, 0) order by g.code) as rank
    from generate_series(1, (select coalesce(max(code), 0) from fleet_term)) as g (code)
    left join ranked r on r.code = g.code)`;
const rankOf = (code: string) => `(select rank from ranks)[${code}]`;
const rankOfValue = (facet: string, value: string) =>
  `(select rank from ranked where facet = '${facet}' and value = ${value}::text collate "C")`;

/** The sort key of a facet row (alias `c`). */
const SORT_KEY: Record<SortField, string> = {
  name: 'c.name',
  runtime: rankOf('c.runtime'),
  memorySize: 'c.memory_size',
  timeout: 'c.timeout',
  codeSize: 'c.code_size',
  createdTime: 'c.created_time',
  lastModifiedTime: 'c.last_modified_time',
  lastChange: 'c.last_changed_at',
};

/** The order and the cursor condition of a phase, on the ranked columns of `f`. */
function phaseSql(q: PageQuery, p: Param, phase: 0 | 1): string {
  const dir = q.desc ? 'desc' : 'asc';
  const key =
    phase === 1 ? ['ar', 'rr', 'name'] : q.field === 'name' ? ['s', 'ar', 'rr'] : ['s', 'ar', 'rr', 'name'];
  const order = key.map((k) => (phase === 1 ? k : `${k} ${dir}`)).join(', ');
  const { after } = q;
  let cursor = '';
  if (after && !(phase === 1 && after.phase === 'values')) {
    const account = rankOfValue('account', p(after.account));
    const region = rankOfValue('region', p(after.region));
    // Each placeholder only where it is used: an unused one would have no type.
    const value = () =>
      q.field === 'runtime'
        ? rankOfValue('runtime', p(after.value))
        : `${p(q.field === 'name' ? after.name : after.value)}::${SORT_COLUMNS[q.field].type}`;
    const values =
      phase === 1
        ? [account, region, p(after.name)]
        : q.field === 'name'
          ? [value(), account, region]
          : [value(), account, region, p(after.name)];
    cursor = `and (${key.join(', ')}) ${phase === 1 || !q.desc ? '>' : '<'} (${values.join(', ')})`;
  }
  return `(select account, region, runtime, name, s, ${phase} as phase from f
    where s is ${phase === 1 ? '' : 'not '}null ${cursor} order by ${order} limit ${q.take})`;
}

/**
 * A selection: the functions the filters let through, found and sorted on the narrow facet rows
 * alone (through their GIN index, or ids a text index found, where it can); only the page's rows
 * are decoded and read from the wide tables.
 * @example const text = selectionSql(q, (v) => `$${params.push(v)}`);
 */
export function selectionSql(q: PageQuery, p: Param): string {
  const where = facetClauses(q.filters, p).map(whereOf);
  const phases = ([0, 1] as const)
    .filter((phase) => (phase === 1 ? q.field !== 'name' : q.after?.phase !== 'missing'))
    .map((phase) => phaseSql(q, p, phase));
  const sortValue = q.field === 'runtime' ? 'rt.value' : q.field === 'name' ? 'k.name' : 'k.s';
  return `with ${RANKS},
    f as materialized (
      select c.account, c.region, c.runtime, c.name, ${SORT_KEY[q.field]} as s,
        ${rankOf('c.account')} as ar, ${rankOf('c.region')} as rr
      from fleet_facet c ${where.length ? `where ${where.join(' and ')}` : ''})
    ${withViews(`select a.value as account, r.value as region, k.name, ${sortValue} as sort_value, k.phase
      from (select * from (${phases.join(' union all ')}) u limit ${q.take}) k
      join fleet_term a on a.code = k.account join fleet_term r on r.code = k.region
      left join fleet_term rt on rt.code = k.runtime`)}`;
}
