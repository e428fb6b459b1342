import type { FcError, FcResult, ListFunctionsOutput, ListFunctionsQuery } from '@fc-fleet/fc-api';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import type { SqlClient } from '../db/sql-client.ts';
import { afterPass } from './after-pass.ts';
import { deleteUnseen } from './delete-unseen.ts';
import { envPrints, type PrintKey } from './env-prints.ts';
import { type FunctionRow, functionRow } from './function-row.ts';
import { type PageContext, writePage } from './write-page.ts';

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
  /**
   * The key environment values are printed with, so the history can tell a changed value (see
   * envPrints). Without it, only added and removed variables are told.
   */
  printKey?: PrintKey;
}

const PAGE = 100;
/** The most rows one write takes while the store is behind the listing. */
const MAX_BATCH = 300;
const PROGRESS_MS = 500;

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
 * were not seen are deleted. The next page is listed while the store writes the last one. A failed
 * or aborted pass deletes nothing and leaves the region's last good data in place, marked failed
 * with the error. FC 2.0 functions are found by a first, small listing with `fcVersion=v2` (the
 * Function object does not carry its version).
 * @example const report = await runPass({ sql, account: 'prod', region: 'cn-hangzhou', list });
 */
export async function runPass(options: PassOptions): Promise<PassReport> {
  const { sql, account, region, list, signal } = options;
  const now = options.now ?? Date.now;
  const report: PassReport = { complete: false, pages: 0, listed: 0, written: 0, deleted: 0 };
  const passStartedAt = new Date(now());
  // A region's first complete pass is its baseline: what it finds was there, not created. History
  // is recorded from the pass after it.
  const { rows: before } = await sql.query<{ synced: boolean }>(
    'select synced_at is not null as synced from fleet_region where account = $1 and region = $2',
    [account, region],
  );
  const history = before[0]?.synced ? { passStartedAt } : undefined;
  await setState(sql, account, region, {
    state: 'syncing',
    pass_started_at: passStartedAt,
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
  const context: PageContext = { codes: new Map(), allNew: false, ...(history ? { history } : {}) };
  const seen = new Set<string>();
  let progressAt = Number.NEGATIVE_INFINITY;
  const write = async (rows: FunctionRow[], listed: number, seenSoFar: number) => {
    report.written += await writePage(sql, rows, new Date(now()), context);
    report.listed += listed;
    // Progress is for people watching: after the first page, twice a second is enough, and it
    // spares a write per page.
    if (now() - progressAt >= PROGRESS_MS) {
      progressAt = now();
      await setState(sql, account, region, { seen_in_pass: seenSoFar });
    }
    options.onPage?.(report);
  };
  // Pages are listed while the store writes. What arrives while it is busy waits and goes in
  // with the next write, so a store slower than the cloud takes fewer, larger statements (each
  // carries a statement's fixed costs, its triggers among them), and a fast one sees every page
  // at once.
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  let pending = new Map<string, FunctionRow>();
  let pendingListed = 0;
  const flush = () => {
    const rows = [...pending.values()];
    const listed = pendingListed;
    pending = new Map();
    pendingListed = 0;
    busy = true;
    writing = write(rows, listed, seen.size).finally(() => {
      busy = false;
    });
    // Awaited before the next flush or at the end; until then a failure must not count as unhandled.
    writing.catch(() => {});
  };
  let nextToken: string | undefined;
  do {
    const page = await list({ limit: PAGE, nextToken }, signal);
    if (!page.ok) {
      await writing;
      return fail(page.error);
    }
    for (const fn of page.value.functions) {
      pending.set(
        fn.functionName,
        functionRow(
          account,
          region,
          v2.names.has(fn.functionName) ? 'v2' : 'v3',
          projectFunction(fn),
          envPrints(fn.environmentVariables, options.printKey),
        ),
      );
      seen.add(fn.functionName);
    }
    report.pages++;
    pendingListed += page.value.functions.length;
    // The store takes one write at a time, in order.
    if (!busy) flush();
    else if (pending.size >= MAX_BATCH) {
      await writing;
      flush();
    }
    nextToken = page.value.nextToken || undefined;
  } while (nextToken);
  await writing;
  if (pending.size > 0 || pendingListed > 0) {
    flush();
    await writing;
  }

  report.deleted = await deleteUnseen(
    sql,
    account,
    region,
    seen,
    history ? { now: new Date(now()), passStartedAt } : undefined,
  );
  const { rows } = await sql.query<{ n: number }>(
    'select count(*)::int as n from fleet_function where account = $1 and region = $2',
    [account, region],
  );
  const functions = rows[0]?.n ?? 0;
  await afterPass(sql, { changed: report.written + report.deleted, functions });
  await setState(sql, account, region, {
    state: 'ready',
    synced_at: new Date(now()),
    functions,
    seen_in_pass: seen.size,
    last_error_code: null,
    last_error_message: null,
  });
  report.complete = true;
  return report;
}
