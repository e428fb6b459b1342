import type { SqlClient } from '../db/sql-client.ts';

/**
 * Upkeep after a pass that changed much of a region. PGlite runs no autovacuum: without ANALYZE
 * its planner would never learn how the fleet is distributed, and the trigram index would keep
 * every new row in its pending list, which each search then reads in full. A PostgreSQL server
 * does both by itself. Returns whether it ran.
 * @example await afterPass(sql, { changed: 100_000, functions: 100_000 }); // true
 */
export async function afterPass(
  sql: SqlClient,
  pass: { changed: number; functions: number },
): Promise<boolean> {
  if (sql.kind !== 'pglite') return false;
  // The threshold of PostgreSQL's own autoanalyze: 10% of the rows, plus 50.
  if (pass.changed <= 50 + pass.functions * 0.1) return false;
  await sql.exec('analyze fleet_function; analyze fleet_facet; analyze fleet_function_view');
  await sql.query("select gin_clean_pending_list('fleet_function_search'::regclass)");
  return true;
}
