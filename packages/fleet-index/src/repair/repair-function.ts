import type { FcFunction } from '@fc-fleet/fc-api';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import type { SqlClient } from '../db/sql-client.ts';
import { deleteFunctions } from '../sync/delete-unseen.ts';
import { envPrints, type PrintKey } from '../sync/env-prints.ts';
import { functionRow } from '../sync/function-row.ts';
import { writePage } from '../sync/write-page.ts';

/**
 * Repairs one row from a GetFunction answer (the drawer's live read): a function the cloud has
 * and the index lacks or holds older is written; one the cloud says is gone (`null`) is removed.
 * Once its region has completed a pass, what the repair finds is recorded in the history as a
 * pass would record it. The FC version is kept from the row, since the Function object does not
 * carry it. Returns whether anything was written.
 * @example await repairFunction(sql, 'prod', 'cn-hangzhou', 'my-fn', fnFromGetFunction);
 */
export async function repairFunction(
  sql: SqlClient,
  account: string,
  region: string,
  name: string,
  fn: FcFunction | null,
  now: Date = new Date(),
  printKey?: PrintKey,
): Promise<boolean> {
  const { rows } = await sql.query<{ fc_version: string | null; synced: boolean }>(
    `select (select fc_version from fleet_function where account = $1 and region = $2 and name = $3) as fc_version,
       exists (select 1 from fleet_region where account = $1 and region = $2 and synced_at is not null) as synced`,
    [account, region, name],
  );
  const history = rows[0]?.synced ? { now, passStartedAt: now } : undefined;
  if (fn === null) return (await deleteFunctions(sql, account, region, [name], history)) > 0;
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
    envPrints(fn.environmentVariables, printKey),
  );
  return (
    (await writePage(sql, [row], now, { codes: new Map(), allNew: false, ...(history ? { history } : {}) })) >
    0
  );
}
