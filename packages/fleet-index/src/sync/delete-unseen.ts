import type { SqlClient } from '../db/sql-client.ts';

// One statement, so a function never outlives its projection; its facet codes go by trigger. With
// history, the deletions are recorded in the same statement.
const deleteSql = (history: boolean) => `
with gone as (
  delete from fleet_function where account = $1 and region = $2 and name = any($3::text[])
  returning account, region, name, last_modified_time
),
views as (
  delete from fleet_function_view v using gone g
  where v.account = g.account and v.region = g.region and v.name = g.name
)
${
  history
    ? `insert into fleet_change (account, region, name, kind, seen_at, pass_started_at, last_modified_time)
select account, region, name, 'deleted', $4::timestamptz, $5::timestamptz, last_modified_time from gone
order by name returning 1`
    : 'select 1 from gone'
}`;

/**
 * Deletes the functions of a region that a complete pass did not see; returns how many. With
 * `history`, each is recorded as a `deleted` event seen at `history.now`.
 * @example await deleteUnseen(sql, 'prod', 'cn-hangzhou', new Set(['still-here'])); // 3
 */
export async function deleteUnseen(
  sql: SqlClient,
  account: string,
  region: string,
  seen: ReadonlySet<string>,
  history?: { now: Date; passStartedAt: Date },
): Promise<number> {
  const { rows } = await sql.query<{ name: string }>(
    'select name from fleet_function where account = $1 and region = $2',
    [account, region],
  );
  return deleteFunctions(
    sql,
    account,
    region,
    rows.map((r) => r.name).filter((name) => !seen.has(name)),
    history,
  );
}

/**
 * Deletes functions of a region by name, with their projections and facet rows; with `history`,
 * records a `deleted` event for each. Returns how many there were.
 * @example await deleteFunctions(sql, 'prod', 'cn-hangzhou', ['gone-fn']); // 1
 */
export async function deleteFunctions(
  sql: SqlClient,
  account: string,
  region: string,
  names: readonly string[],
  history?: { now: Date; passStartedAt: Date },
): Promise<number> {
  if (names.length === 0) return 0;
  const { rows } = await sql.query(
    deleteSql(history !== undefined),
    history ? [account, region, names, history.now, history.passStartedAt] : [account, region, names],
  );
  return rows.length;
}
