import type { FunctionView, SortField } from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import type { IndexFilters, Param } from './index-filters.ts';
import { type PageQuery, SORT_COLUMNS, WALK_LIMIT, walkSql } from './list-page-sql.ts';
import { selectionSql } from './selection-sql.ts';
import { withoutWholeFleetFilters } from './whole-fleet-filters.ts';

/** Where a page ends: the last row's sort value and key. Opaque to callers; the BFF signs it. */
export interface IndexCursor {
  /** `values` while rows with a sort value remain, then `missing` for the rows without one. */
  phase: 'values' | 'missing';
  value: string | number | null;
  account: string;
  region: string;
  name: string;
  /**
   * Set when a selection found this page: the view is too narrow for a walk, so the next page
   * goes straight to a selection instead of trying a walk that would fail again.
   */
  selection?: boolean;
}

/** One page of the index. */
export interface IndexPage {
  rows: { account: string; region: string; function: FunctionView; lastChange?: string }[];
  /** Present when more rows follow. */
  next?: IndexCursor;
}

/** Options of {@link listPage}. */
export interface ListPageOptions {
  filters: IndexFilters;
  sort: { field: SortField; dir: 'asc' | 'desc' };
  limit: number;
  after?: IndexCursor;
  /** How many functions a walk down the sort index may read before a selection takes over (tests). */
  walkLimit?: number;
}

type KeyRow = {
  account: string;
  region: string;
  name: string;
  sort_value: unknown;
  phase: number;
  view: FunctionView;
  last_changed_at: Date | string | null;
  /** From a walk: whether the row passes the filters, and whether its phase's walk stopped at it. */
  matches?: boolean;
  cut?: boolean;
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
 * and name. A page is first sought by a short walk down the sort index; a view too narrow for the
 * walk to fill a page is answered by a selection of its matches (see list-page-sql.ts and
 * selection-sql.ts).
 * @example const page = await listPage(sql, { filters: { runtime: 'nodejs18' }, sort: { field: 'memorySize', dir: 'desc' }, limit: 50 });
 */
export async function listPage(sql: SqlClient, options: ListPageOptions): Promise<IndexPage> {
  const { column } = SORT_COLUMNS[options.sort.field];
  const desc = options.sort.dir === 'desc';
  const q: PageQuery = {
    filters: await withoutWholeFleetFilters(sql, options.filters),
    field: options.sort.field,
    desc,
    take: options.limit + 1,
    walkLimit: options.walkLimit ?? WALK_LIMIT,
    ...(options.after ? { after: { ...options.after, value: options.after.value as SqlValue } } : {}),
  };
  const run = async (build: (q: PageQuery, p: Param) => string) => {
    const params: SqlValue[] = [];
    const text = build(q, (value) => `$${params.push(value)}`);
    return (await sql.query<KeyRow>(text, params)).rows;
  };
  const sign = desc ? -1 : 1;
  // The join may reorder; restore the walk's order (phase, then value, then key).
  const inOrder = (rows: KeyRow[]) =>
    rows.sort(
      (a, b) =>
        a.phase - b.phase || (a.phase === 0 ? sign * compare(a, b, column === 'name') : compareKeys(a, b)),
    );
  // A walk that filled the page is the page; one that read its phases to their end too. One that
  // stopped at its limit first may have left matches unread: a selection answers instead.
  const walked = options.after?.selection ? undefined : walkedPage(inOrder(await run(walkSql)), q.take);
  const rows = walked ?? inOrder(await run(selectionSql));
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      account: r.account,
      region: r.region,
      function: r.view,
      ...(r.last_changed_at ? { lastChange: new Date(r.last_changed_at).toISOString() } : {}),
    })),
    ...(rows.length > options.limit && last
      ? {
          next: {
            phase: last.phase === 0 ? 'values' : 'missing',
            value: toCursorValue(last.sort_value),
            account: last.account,
            region: last.region,
            name: last.name,
            ...(walked ? {} : { selection: true }),
          },
        }
      : {}),
  };
}

/**
 * The matching rows of a walk in page order, up to `take`, or undefined when a phase's walk
 * stopped at its limit before the page was full (its cut row comes last in its phase).
 */
function walkedPage(rows: readonly KeyRow[], take: number): KeyRow[] | undefined {
  const page: KeyRow[] = [];
  for (const row of rows) {
    if (row.matches) page.push(row);
    if (page.length >= take) return page;
    if (row.cut) return undefined;
  }
  // Read to the end without filling the page; an empty walk may also be one not allowed to read.
  return page.length > 0 ? page : undefined;
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
