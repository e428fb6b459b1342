import type { SortField } from '@fc-fleet/fleet-contract';
import type { SqlValue } from '../db/sql-client.ts';
import { facetClauses } from './facet-filters.ts';
import { type IndexFilters, type Param, whereClauses } from './index-filters.ts';
import { matchBound, placeOf } from './match-bound.ts';

// Two ways to find a page, each of them fast where the other is slow:
// - a walk down the sort column's index, filtering as it goes, is fast when the filters let
//   many functions through, but reads the whole fleet when they let through almost none; it is
//   capped at WALK_LIMIT functions, and a page it could not fill within the cap is asked again:
// - a selection finds the matching functions on the narrow `fleet_facet` rows, through their
//   GIN index or the text indexes where it can, then sorts only those: fast for a narrow view,
//   whatever its order.

/** How many functions a walk reads before it hands the page over to a selection. */
export const WALK_LIMIT = 1000;

/** The longest walk worth trying, when the fleet-wide counts say matches are that rare. */
const LONGEST_WALK = 5000;

/** How far a walk may read when only text filters narrow the view (a search of a few percent). */
const TEXT_WALK = 3000;

/** The share of functions a text filter is taken to let through, for lack of counts. */
const TEXT_SHARE = 0.05;

/**
 * How far a walk may read: twice the functions it should need to fill the page, by the upper
 * bound of matches the fleet-wide counts give (times TEXT_SHARE with a text filter too), and at
 * least `walkLimit`; no walk at all when that is more than LONGEST_WALK, as a selection of so few
 * matches is cheaper.
 */
function walkCap(q: PageQuery, p: Param): string {
  const text = facetClauses(q.filters, () => '$0').some((c) => c.ids);
  const bound = q.walkLimit === 0 ? undefined : matchBound(q.filters, p);
  if (!bound) return String(text && q.walkLimit > 0 ? Math.max(q.walkLimit, TEXT_WALK) : q.walkLimit);
  const share = text ? TEXT_SHARE : 1;
  // The walk reads only the view's accounts and regions, so the share is taken within them.
  const total = `(select coalesce(sum(n), 0) from fleet_facet_total where facet = 'total' ${placeOf(q.filters, p)})`;
  return `(select case when b = 0 or 2 * ${q.take} * t > ${LONGEST_WALK} * ${share} * b then 0
    else greatest(${q.walkLimit}, ceil(2 * ${q.take} * t / (${share} * b)::numeric))::integer end
    from (select ${bound} as b, ${total} as t) est)`;
}

/** The sort column and its SQL type, by the contract's sort field. */
export const SORT_COLUMNS: Record<SortField, { column: string; type: string }> = {
  name: { column: 'name', type: 'text' },
  runtime: { column: 'runtime', type: 'text' },
  memorySize: { column: 'memory_size', type: 'integer' },
  timeout: { column: 'timeout', type: 'integer' },
  codeSize: { column: 'code_size', type: 'integer' },
  createdTime: { column: 'created_time', type: 'timestamptz' },
  lastModifiedTime: { column: 'last_modified_time', type: 'timestamptz' },
  lastChange: { column: 'last_changed_at', type: 'timestamptz' },
};

/** A page request, with its cursor taken apart. */
export interface PageQuery {
  filters: IndexFilters;
  field: SortField;
  desc: boolean;
  /** Rows wanted: the page plus one, which tells whether another page follows. */
  take: number;
  /** How many functions each phase of a walk reads at most. */
  walkLimit: number;
  after?: { phase: 'values' | 'missing'; value: SqlValue; account: string; region: string; name: string };
}

/**
 * Filters a walk applies as it reads the sort index: the sort column's own (so the walk starts
 * where they begin) and account and region, which the index holds as the first tie-breakers (so a
 * region the sort order puts last is found by skipping index entries, not by reading rows).
 */
const inWalk = (q: PageQuery): IndexFilters => ({
  accounts: q.filters.accounts,
  regions: q.filters.regions,
  ...(q.field === 'memorySize' ? { memoryMin: q.filters.memoryMin, memoryMax: q.filters.memoryMax } : {}),
  ...(q.field === 'name' ? { prefix: q.filters.prefix } : {}),
  ...(q.field === 'runtime' ? { runtime: q.filters.runtime } : {}),
});

/** The order of a phase: by sort value and key, or (rows without a value) by key alone. */
export function order(q: PageQuery, phase: 0 | 1, sort: string): string {
  const dir = q.desc ? 'desc' : 'asc';
  if (phase === 1) return 'account, region, name';
  const key = q.field === 'name' ? [sort, 'account', 'region'] : [sort, 'account', 'region', 'name'];
  return key.map((k) => `${k} ${dir}`).join(', ');
}

/** The condition that starts a phase strictly after the cursor (empty on a first page). */
export function afterCursor(q: PageQuery, p: Param, phase: 0 | 1, sort: string): string {
  const { after } = q;
  if (!after || (phase === 1 && after.phase === 'values')) return '';
  if (phase === 1)
    return `and (account, region, name) > (${p(after.account)}, ${p(after.region)}, ${p(after.name)})`;
  const cast = `::${SORT_COLUMNS[q.field].type}`;
  const [key, values] =
    q.field === 'name'
      ? [
          [sort, 'account', 'region'],
          [`${p(after.name)}${cast}`, p(after.account), p(after.region)],
        ]
      : [
          [sort, 'account', 'region', 'name'],
          [`${p(after.value)}${cast}`, p(after.account), p(after.region), p(after.name)],
        ];
  return `and (${key.join(', ')}) ${q.desc ? '<' : '>'} (${values.join(', ')})`;
}

/**
 * A page's keys joined to their projections and to when a pass last saw each change (`extra`:
 * more columns of the keys to keep).
 */
export const withViews = (keys: string, extra = '') => `
  select k.account, k.region, k.name, k.sort_value, k.phase${extra}, v.view, f.last_changed_at from (${keys}) k
  join fleet_function_view v on v.account = k.account and v.region = k.region and v.name = k.name
  join fleet_function f on f.account = k.account and f.region = k.region and f.name = k.name`;

/**
 * A walk down the sort index from the cursor: it reads functions in page order, filtering as it
 * goes, and stops at the page's end or after `walkLimit` functions, whichever comes first. The
 * rows with a sort value are walked first, then (for a field some functions lack) the rows
 * without one. Each phase's walk marks the last function it may read (`cut`) whether it matches
 * or not: a phase that ends without that mark was read to its end, so the page may go on into
 * the next phase; one that ends on it stopped at its limit, and a page it did not fill is asked
 * of a selection instead.
 * @example const text = walkSql(q, (v) => `$${params.push(v)}`);
 */
export function walkSql(q: PageQuery, p: Param): string {
  const { column, type } = SORT_COLUMNS[q.field];
  const filters = whereClauses(q.filters, undefined, p);
  const matches = filters.length ? `coalesce(${filters.join(' and ')}, false)` : 'true';
  const start = whereClauses(inWalk(q), undefined, p).map((c) => `and ${c}`);
  const phases: (0 | 1)[] = q.after?.phase === 'missing' ? [1] : q.field === 'name' ? [0] : [0, 1];
  const walks = phases.map((phase) => {
    const walk = `select *, ${phase === 1 ? `null::${type}` : column} as sort_value from fleet_function
      where ${column} is ${phase === 1 ? '' : 'not '}null ${start.join(' ')} ${afterCursor(q, p, phase, column)}
      order by ${order(q, phase, column)} limit (select cap from walk_cap)`;
    return `(select account, region, name, sort_value, ${phase} as phase, ${matches} as matches,
        n = (select cap from walk_cap) as cut
      from (select w.*, row_number() over () as n from (${walk}) w) w
      where ${matches} or n = (select cap from walk_cap))`;
  });
  return `with walk_cap as materialized (select ${walkCap(q, p)} as cap) ${withViews(
    `select * from (${walks.join(' union all ')}) u limit ${q.take + phases.length}`,
    ', k.matches, k.cut',
  )}`;
}
