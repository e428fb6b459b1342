import type { FcFunction } from '@fc-fleet/fc-api';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import type { SqlClient } from '../db/sql-client.ts';
import { functionRow } from '../sync/function-row.ts';
import { writePage } from '../sync/write-page.ts';

/**
 * Repairs one row from a GetFunction answer (the drawer's live read): a function the cloud has
 * and the index lacks or holds older is written; one the cloud says is gone (`null`) is removed.
 * The FC version is kept from the row, since the Function object does not carry it. Returns
 * whether anything was written.
 * @example await repairFunction(sql, 'prod', 'cn-hangzhou', 'my-fn', fnFromGetFunction);
 */
export async function repairFunction(
  sql: SqlClient,
  account: string,
  region: string,
  name: string,
  fn: FcFunction | null,
  now: Date = new Date(),
): Promise<boolean> {
  if (fn === null) {
    let removed = 0;
    await sql.transaction(async (tx) => {
      for (const table of ['fleet_function', 'fleet_function_view'])
        removed += (
          await tx.query(`delete from ${table} where account = $1 and region = $2 and name = $3`, [
            account,
            region,
            name,
          ])
        ).affectedRows;
    });
    return removed > 0;
  }
  const { rows } = await sql.query<{ fc_version: string | null }>(
    'select fc_version from fleet_function where account = $1 and region = $2 and name = $3',
    [account, region, name],
  );
  // GetFunction adds the live state; the index keeps what ListFunctions shows, so the hash stays comparable.
  const {
    state: _state,
    stateReason: _sr,
    stateReasonCode: _src,
    lastUpdateStatus: _lus,
    lastUpdateStatusReason: _lusr,
    lastUpdateStatusReasonCode: _lusrc,
    ...listed
  } = fn;
  const row = functionRow(
    account,
    region,
    rows[0]?.fc_version ?? 'v3',
    projectFunction(listed as FcFunction),
  );
  return (await writePage(sql, [row], now)) > 0;
}
