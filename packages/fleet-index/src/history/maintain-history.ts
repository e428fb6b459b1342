import type { SqlClient } from '../db/sql-client.ts';

/**
 * Removes events older than `before` (retention), at most `batch` at a time so a large prune
 * never holds the store for long; returns how many went. Call until it returns less than `batch`.
 * @example while ((await pruneChanges(sql, cutoff)) === 5000);
 */
export async function pruneChanges(sql: SqlClient, before: Date, batch = 5000): Promise<number> {
  const { rows } = await sql.query(
    `delete from fleet_change where id in (
       select id from fleet_change where seen_at < $1::timestamptz order by seen_at limit $2)
     returning 1`,
    [before, batch],
  );
  return rows.length;
}

/**
 * Keeps the history's statistics and its field index current on PGlite, which runs no
 * autovacuum: without statistics the planner walks every event for a name prefix (117 ms against
 * 10 ms at 1,000,000 events), and new events pile up in the GIN index's pending list. A PostgreSQL
 * server does both itself. Returns whether it ran.
 * @example await analyzeChanges(sql); // true on PGlite
 */
export async function analyzeChanges(sql: SqlClient): Promise<boolean> {
  if (sql.kind !== 'pglite') return false;
  await sql.exec('analyze fleet_change');
  await sql.query("select gin_clean_pending_list('fleet_change_fields'::regclass)");
  return true;
}
