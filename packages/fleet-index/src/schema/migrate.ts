import type { SqlClient } from '../db/sql-client.ts';
import { StoreIncompatibleError } from '../db/store-errors.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

// Any constant works; it keeps two replicas starting together from migrating at once.
const MIGRATION_LOCK = 727_001;

/**
 * Brings the schema up to date: applies the migrations the store has not seen, in order, each in
 * its own transaction, under an advisory lock (replicas may start together). A store written by a
 * newer FC Fleet is refused with what to do, never downgraded.
 * @example await migrate(sql); // { from: 0, to: 1 }
 */
export async function migrate(
  sql: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const latest = migrations.at(-1)?.version ?? 0;
  return sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'create table if not exists fleet_schema (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const { rows } = await tx.query<{ version: number | null }>(
      'select max(version) as version from fleet_schema',
    );
    const from = rows[0]?.version ?? 0;
    if (from > latest) {
      throw new StoreIncompatibleError(
        `The index in ${sql.location} has schema version ${from}, newer than this FC Fleet knows (${latest}). Run the newer FC Fleet, or point FC_DATA_DIR / FC_DATABASE_URL at another store.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into fleet_schema (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    // A migration that rewrote tables leaves the planner without statistics of them; PGlite runs
    // no autovacuum to gather them (a fresh store has no rows, so this costs nothing there).
    if (from > 0 && from < latest) await tx.exec('analyze');
    return { from, to: Math.max(from, latest) };
  });
}
