import type { RegionSync, SyncState } from '@fc-fleet/fleet-contract';
import type { SqlClient } from '../db/sql-client.ts';

type Row = {
  account: string;
  region: string;
  state: string;
  synced_at: Date | null;
  pass_started_at: Date | null;
  functions: number;
  seen_in_pass: number;
  last_error_code: string | null;
  last_error_message: string | null;
};

const STATES: readonly SyncState[] = ['pending', 'syncing', 'ready', 'failed'];

/**
 * The freshness of each (account, region) asked for, from the index: state, last complete pass,
 * progress and last error. A region the index has never heard of is `pending`. `stale` is set
 * when the last complete pass is older than `staleAfterMs`, or there has been none.
 * @example const regions = await regionStatus(sql, [{ account: 'prod', region: 'cn-hangzhou' }], { staleAfterMs: 900_000 });
 */
export async function regionStatus(
  sql: SqlClient,
  targets: readonly { account: string; region: string }[],
  options: { staleAfterMs: number; now?: () => number },
): Promise<RegionSync[]> {
  if (targets.length === 0) return [];
  const { rows } = await sql.query<Row>(
    // The count a complete pass wrote, not a count of the rows: every list page asks for this, and
    // counting 100,000 rows per region on each request cost more than the page itself.
    `select r.account, r.region, r.state, r.synced_at, r.pass_started_at, r.seen_in_pass, r.last_error_code,
            r.last_error_message, r.functions
     from fleet_region r where r.account = any($1::text[]) and r.region = any($2::text[])`,
    [[...new Set(targets.map((t) => t.account))], [...new Set(targets.map((t) => t.region))]],
  );
  const now = (options.now ?? Date.now)();
  return targets.map(({ account, region }) => {
    const row = rows.find((r) => r.account === account && r.region === region);
    const state = STATES.find((s) => s === row?.state) ?? 'pending';
    const syncedAt = row?.synced_at ?? null;
    return {
      account,
      region,
      state,
      ...(syncedAt ? { syncedAt: syncedAt.toISOString() } : {}),
      ...(row?.pass_started_at ? { passStartedAt: row.pass_started_at.toISOString() } : {}),
      functions: row?.functions ?? 0,
      seen: row?.seen_in_pass ?? 0,
      ...(row?.last_error_code
        ? { lastError: { code: row.last_error_code, message: row.last_error_message ?? '' } }
        : {}),
      stale: !syncedAt || now - syncedAt.getTime() > options.staleAfterMs,
    };
  });
}
