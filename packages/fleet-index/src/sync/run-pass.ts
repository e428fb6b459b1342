import type { FcError, FcResult, ListFunctionsOutput, ListFunctionsQuery } from '@fc-fleet/fc-api';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import type { SqlClient } from '../db/sql-client.ts';
import { type FunctionRow, functionRow } from './function-row.ts';
import { writePage } from './write-page.ts';

/** One ListFunctions call, however the caller bounds and signs it. */
export type ListPage = (
  query: ListFunctionsQuery,
  signal?: AbortSignal,
) => Promise<FcResult<ListFunctionsOutput>>;

/** What one pass over a region did. */
export interface PassReport {
  complete: boolean;
  pages: number;
  /** Functions the cloud listed. */
  listed: number;
  /** Rows new or changed, hence written. */
  written: number;
  /** Rows removed because a complete pass no longer saw them. */
  deleted: number;
  error?: FcError;
}

/** Options of {@link runPass}. */
export interface PassOptions {
  sql: SqlClient;
  account: string;
  region: string;
  list: ListPage;
  now?: () => number;
  signal?: AbortSignal;
  /** Called after every page written, e.g. to report progress. */
  onPage?: (report: PassReport) => void;
}

const PAGE = 100;

async function collectNames(list: ListPage, query: ListFunctionsQuery, signal?: AbortSignal) {
  const names = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await list({ ...query, limit: PAGE, nextToken }, signal);
    if (!page.ok) return { ok: false as const, error: page.error };
    for (const fn of page.value.functions) names.add(fn.functionName);
    nextToken = page.value.nextToken || undefined;
  } while (nextToken);
  return { ok: true as const, names };
}

async function setState(sql: SqlClient, account: string, region: string, fields: Record<string, unknown>) {
  const names = Object.keys(fields);
  const values = Object.values(fields) as (string | number | Date | null)[];
  await sql.query(
    `insert into fleet_region (account, region, ${names.join(', ')}) values ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')})
     on conflict (account, region) do update set ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`,
    [account, region, ...values],
  );
}

/**
 * One sync pass of a region: every function in name order, each page upserted as it arrives
 * (unchanged functions are not rewritten), and only after a complete pass the functions that
 * were not seen are deleted. A failed or aborted pass deletes nothing and leaves the region's last
 * good data in place, marked failed with the error. FC 2.0 functions are found by a first, small
 * listing with `fcVersion=v2` (the Function object does not carry its version).
 * @example const report = await runPass({ sql, account: 'prod', region: 'cn-hangzhou', list });
 */
export async function runPass(options: PassOptions): Promise<PassReport> {
  const { sql, account, region, list, signal } = options;
  const now = options.now ?? Date.now;
  const report: PassReport = { complete: false, pages: 0, listed: 0, written: 0, deleted: 0 };
  await setState(sql, account, region, {
    state: 'syncing',
    pass_started_at: new Date(now()),
    seen_in_pass: 0,
  });
  const fail = async (error: FcError) => {
    report.error = error;
    await setState(sql, account, region, {
      state: 'failed',
      last_error_code: error.code,
      last_error_message: error.message.slice(0, 500),
    });
    return report;
  };
  const v2 = await collectNames(list, { fcVersion: 'v2' }, signal);
  if (!v2.ok) return fail(v2.error);
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await list({ limit: PAGE, nextToken }, signal);
    if (!page.ok) return fail(page.error);
    const rows = new Map<string, FunctionRow>();
    for (const fn of page.value.functions) {
      rows.set(
        fn.functionName,
        functionRow(account, region, v2.names.has(fn.functionName) ? 'v2' : 'v3', projectFunction(fn)),
      );
      seen.add(fn.functionName);
    }
    report.written += await writePage(sql, [...rows.values()], new Date(now()));
    report.pages++;
    report.listed += page.value.functions.length;
    await setState(sql, account, region, { seen_in_pass: seen.size });
    options.onPage?.(report);
    nextToken = page.value.nextToken || undefined;
  } while (nextToken);

  report.deleted = await deleteUnseen(sql, account, region, seen);
  const { rows } = await sql.query<{ n: number }>(
    'select count(*)::int as n from fleet_function where account = $1 and region = $2',
    [account, region],
  );
  await setState(sql, account, region, {
    state: 'ready',
    synced_at: new Date(now()),
    functions: rows[0]?.n ?? 0,
    last_error_code: null,
    last_error_message: null,
  });
  report.complete = true;
  return report;
}

/** Deletes the functions of a region that a complete pass did not see; returns how many. */
async function deleteUnseen(sql: SqlClient, account: string, region: string, seen: ReadonlySet<string>) {
  const { rows } = await sql.query<{ name: string }>(
    'select name from fleet_function where account = $1 and region = $2',
    [account, region],
  );
  const gone = rows.map((r) => r.name).filter((name) => !seen.has(name));
  if (gone.length === 0) return 0;
  await sql.transaction(async (tx) => {
    for (const table of ['fleet_function', 'fleet_function_view'])
      await tx.query(`delete from ${table} where account = $1 and region = $2 and name = any($3::text[])`, [
        account,
        region,
        gone,
      ]);
  });
  return gone.length;
}
