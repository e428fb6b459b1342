import type { SqlClient } from '@fc-fleet/fleet-index';

/** The share of an account's upstream budget that background passes may use; the rest is for people. */
const SYNC_SHARE = 0.5;
const PAGE = 100;

/**
 * How long to wait between two passes of a region of an account: the configured interval, or
 * longer when a round of passes over all the account's regions would not fit in half the
 * upstream budget at that interval. The budget wins: a 100,000-function region at 20 calls/s
 * cannot be read every minute, and trying would starve the engineers' own requests.
 * @example await passInterval(sql, 'prod', { intervalMs: 300_000, upstreamRps: 20, regions: 3 }); // 300000
 */
export async function passInterval(
  sql: SqlClient,
  account: string,
  options: { intervalMs: number; upstreamRps: number; regions: number },
): Promise<number> {
  const { rows } = await sql.query<{ functions: number }>(
    'select coalesce(sum(functions), 0)::int as functions from fleet_region where account = $1',
    [account],
  );
  // Every region costs its pages plus the FC 2.0 listing (one page or more) per pass.
  const pages = Math.ceil((rows[0]?.functions ?? 0) / PAGE) + 2 * options.regions;
  const roundMs = (pages / (options.upstreamRps * SYNC_SHARE)) * 1000;
  return Math.max(options.intervalMs, Math.ceil(roundMs));
}
