import type { FunctionView, SortField } from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import { buildWhere, type IndexFilters } from './index-filters.ts';

/** Where a page ends: the last row's sort value and key. Opaque to callers; the BFF signs it. */
export interface IndexCursor {
  /** `values` while rows with a sort value remain, then `missing` for the rows without one. */
  phase: 'values' | 'missing';
  value: string | number | null;
  account: string;
  region: string;
  name: string;
}

/** One page of the index. */
export interface IndexPage {
  rows: { account: string; region: string; function: FunctionView }[];
  /** Present when more rows follow. */
  next?: IndexCursor;
}

/** Options of {@link listPage}. */
export interface ListPageOptions {
  filters: IndexFilters;
  sort: { field: SortField; dir: 'asc' | 'desc' };
  limit: number;
  after?: IndexCursor;
}

const SORT_COLUMNS: Record<SortField, { column: string; type: string }> = {
  name: { column: 'name', type: 'text' },
  runtime: { column: 'runtime', type: 'text' },
  memorySize: { column: 'memory_size', type: 'integer' },
  timeout: { column: 'timeout', type: 'integer' },
  codeSize: { column: 'code_size', type: 'integer' },
  createdTime: { column: 'created_time', type: 'timestamptz' },
  lastModifiedTime: { column: 'last_modified_time', type: 'timestamptz' },
};

type KeyRow = {
  account: string;
  region: string;
  name: string;
  sort_value: unknown;
  phase: number;
  view: FunctionView;
};

const toCursorValue = (value: unknown): string | number | null =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'number' || typeof value === 'string'
      ? value
      : value === null
        ? null
        : String(value);

/**
 * A page of functions in any sort order, by keyset: each page starts strictly after the previous
 * page's last row, so pages never overlap or skip however the fleet changes in between. Rows
 * without a value for the sort field come last in both directions; ties break by account, region
 * and name. Two index walks joined by UNION ALL: rows with a value, then rows without.
 * @example const page = await listPage(sql, { filters: { runtime: 'nodejs18' }, sort: { field: 'memorySize', dir: 'desc' }, limit: 50 });
 */
export async function listPage(sql: SqlClient, options: ListPageOptions): Promise<IndexPage> {
  const { column, type } = SORT_COLUMNS[options.sort.field];
  const desc = options.sort.dir === 'desc';
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'desc' : 'asc';
  const base = buildWhere(options.filters);
  const params: SqlValue[] = [...base.params];
  const p = (value: SqlValue) => {
    params.push(value);
    return `$${params.length}`;
  };
  const filters = base.clauses.length > 0 ? base.clauses.join(' and ') : 'true';
  const after = options.after;
  const limit = p(options.limit + 1);
  const parts: string[] = [];
  if (column === 'name') {
    const keyset = after
      ? `and (name, account, region) ${cmp} (${p(after.name)}, ${p(after.account)}, ${p(after.region)})`
      : '';
    parts.push(
      `(select account, region, name, name as sort_value, 0 as phase from fleet_function where ${filters} ${keyset}
        order by name ${dir}, account ${dir}, region ${dir} limit ${limit})`,
    );
  } else {
    if (!after || after.phase === 'values') {
      const keyset = after
        ? `and (${column}, account, region, name) ${cmp} (${p(after.value as SqlValue)}::${type}, ${p(after.account)}, ${p(after.region)}, ${p(after.name)})`
        : '';
      parts.push(
        `(select account, region, name, ${column} as sort_value, 0 as phase from fleet_function
          where ${filters} and ${column} is not null ${keyset}
          order by ${column} ${dir}, account ${dir}, region ${dir}, name ${dir} limit ${limit})`,
      );
    }
    const keyset =
      after?.phase === 'missing'
        ? `and (account, region, name) > (${p(after.account)}, ${p(after.region)}, ${p(after.name)})`
        : '';
    parts.push(
      `(select account, region, name, null as sort_value, 1 as phase from fleet_function
        where ${filters} and ${column} is null ${keyset} order by account, region, name limit ${limit})`,
    );
  }
  const text = `select k.account, k.region, k.name, k.sort_value, k.phase, v.view
    from (select * from (${parts.join(' union all ')}) u limit ${limit}) k
    join fleet_function_view v on v.account = k.account and v.region = k.region and v.name = k.name`;
  const { rows } = await sql.query<KeyRow>(text, params);
  const sign = desc ? -1 : 1;
  // The join may reorder; restore the walk's order (phase, then value, then key).
  rows.sort(
    (a, b) =>
      a.phase - b.phase || (a.phase === 0 ? sign * compare(a, b, column === 'name') : compareKeys(a, b)),
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({ account: r.account, region: r.region, function: r.view })),
    ...(rows.length > options.limit && last
      ? {
          next: {
            phase: last.phase === 0 ? 'values' : 'missing',
            value: toCursorValue(last.sort_value),
            account: last.account,
            region: last.region,
            name: last.name,
          },
        }
      : {}),
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareKeys = (a: KeyRow, b: KeyRow) =>
  byCodePoint(a.account, b.account) || byCodePoint(a.region, b.region) || byCodePoint(a.name, b.name);

function compare(a: KeyRow, b: KeyRow, byName: boolean): number {
  if (byName)
    return (
      byCodePoint(a.name, b.name) || byCodePoint(a.account, b.account) || byCodePoint(a.region, b.region)
    );
  const av = a.sort_value instanceof Date ? a.sort_value.getTime() : a.sort_value;
  const bv = b.sort_value instanceof Date ? b.sort_value.getTime() : b.sort_value;
  const order =
    typeof av === 'number' && typeof bv === 'number' ? av - bv : byCodePoint(String(av), String(bv));
  return order || compareKeys(a, b);
}
