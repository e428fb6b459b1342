import type { SqlClient } from '../db/sql-client.ts';

// One statement, so a function never outlives its projection; its facet codes go by cascade.
const DELETE = `
with gone as (
  delete from fleet_function where account = $1 and region = $2 and name = any($3::text[])
  returning account, region, name
)
delete from fleet_function_view v using gone g
where v.account = g.account and v.region = g.region and v.name = g.name`;

/**
 * Deletes the functions of a region that a complete pass did not see; returns how many.
 * @example await deleteUnseen(sql, 'prod', 'cn-hangzhou', new Set(['still-here'])); // 3
 */
export async function deleteUnseen(
  sql: SqlClient,
  account: string,
  region: string,
  seen: ReadonlySet<string>,
): Promise<number> {
  const { rows } = await sql.query<{ name: string }>(
    'select name from fleet_function where account = $1 and region = $2',
    [account, region],
  );
  const gone = rows.map((r) => r.name).filter((name) => !seen.has(name));
  if (gone.length === 0) return 0;
  await sql.query(DELETE, [account, region, gone]);
  return gone.length;
}
