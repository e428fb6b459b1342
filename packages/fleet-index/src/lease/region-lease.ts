import type { SqlClient } from '../db/sql-client.ts';

/** Options of {@link tryLease}. */
export interface LeaseOptions {
  account: string;
  region: string;
  /** Who asks: one id per BFF process. */
  owner: string;
  /** How long the lease lasts unless renewed; another process may take it over after that. */
  ttlMs: number;
}

/**
 * Takes or renews the right to sync one (account, region): granted when nobody holds it, this
 * owner already does, or the holder let it expire (it died mid-pass). One UPDATE decides, so two
 * processes asking at once cannot both win. The clock is the database's, shared by every replica.
 * @example if (await tryLease(sql, { account, region, owner: processId, ttlMs: 30_000 })) await runPass(...);
 */
export async function tryLease(sql: SqlClient, options: LeaseOptions): Promise<boolean> {
  await sql.query(
    'insert into fleet_region (account, region) values ($1, $2) on conflict (account, region) do nothing',
    [options.account, options.region],
  );
  const { affectedRows } = await sql.query(
    `update fleet_region set lease_owner = $3, lease_expires_at = now() + ($4::integer * interval '1 millisecond')
     where account = $1 and region = $2
       and (lease_owner is null or lease_owner = $3 or lease_expires_at < now())`,
    [options.account, options.region, options.owner, Math.round(options.ttlMs)],
  );
  return affectedRows === 1;
}

/**
 * Extends a lease this owner still holds; false when another process has taken it since, even if
 * that one has given it back (`tryLease` would grant a free lease again and hide that someone
 * else ran). A pass that gets false must stop without writing: its listing may be stale.
 * @example if (!(await renewLease(sql, lease))) throw new Error('lease lost');
 */
export async function renewLease(sql: SqlClient, options: LeaseOptions): Promise<boolean> {
  const { affectedRows } = await sql.query(
    `update fleet_region set lease_expires_at = now() + ($4::integer * interval '1 millisecond')
     where account = $1 and region = $2 and lease_owner = $3`,
    [options.account, options.region, options.owner, Math.round(options.ttlMs)],
  );
  return affectedRows === 1;
}

/**
 * Gives a lease back (after a pass, or at shutdown), so another replica need not wait for it to expire.
 * @example await releaseLease(sql, { account, region, owner: processId });
 */
export async function releaseLease(sql: SqlClient, options: Omit<LeaseOptions, 'ttlMs'>): Promise<void> {
  await sql.query(
    'update fleet_region set lease_owner = null, lease_expires_at = null where account = $1 and region = $2 and lease_owner = $3',
    [options.account, options.region, options.owner],
  );
}
