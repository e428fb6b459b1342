import type { ChangeEvent, ChangeField, ChangeKind, FieldChange } from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import { type IndexFilters, type Param, whereClauses } from './index-filters.ts';
import { withoutCovering } from './whole-fleet-filters.ts';

/** Which events to read; all given must match. */
export interface ChangeFilters {
  accounts?: readonly string[];
  regions?: readonly string[];
  kinds?: readonly ChangeKind[];
  /** Events that touched any of these fields (a `modified` event only). */
  fields?: readonly ChangeField[];
  /** The function's exact name. */
  name?: string;
  /** The function's name starts with (the table's `prefix`, applied to the event, so deleted functions match). */
  prefix?: string;
  since?: Date;
  until?: Date;
  /**
   * The table's other filters: only events of functions the index holds now and the view shows.
   * A deleted function is in no view, so its events show only without them.
   */
  view?: IndexFilters;
}

/** Options of {@link listChanges}. */
export interface ListChangesOptions {
  filters: ChangeFilters;
  limit: number;
  /** The id of the last event of the previous page. */
  afterId?: string;
  /** How many of the newest events a field filter reads by id first; 20,000 unless a test says less. */
  recentEvents?: number;
}

type ChangeRow = {
  id: string;
  account: string;
  region: string;
  name: string;
  kind: ChangeKind;
  seen_at: Date | string;
  pass_started_at: Date | string;
  last_modified_time: Date | string | null;
  diff: string | null;
};

/** How far apart two writers' clocks may be; far more than any NTP-kept clock, less than history is kept. */
const CLOCK_SLACK = '1 day';
const MAX_ID = '9223372036854775807';
/** The newest events a field filter reads by id before it turns to the GIN index (see listChanges). */
const RECENT_EVENTS = 20_000;
const SELECT = `select c.id::text as id, c.account, c.region, c.name, c.kind, c.seen_at, c.pass_started_at,
       c.last_modified_time, c.diff::text as diff from fleet_change c`;

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
/** A LIKE pattern for a prefix, its wildcards escaped. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The conditions of a change query on `fleet_change` (alias `c`).
 * @example changeWhere({ kinds: ['deleted'] }, p); // ["c.kind = any($1::text[])"]
 */
export function changeWhere(f: ChangeFilters, p: Param): string[] {
  const where: string[] = [];
  if (f.accounts) where.push(`c.account = any(${p(f.accounts)}::text[])`);
  if (f.regions) where.push(`c.region = any(${p(f.regions)}::text[])`);
  if (f.kinds?.length) where.push(`c.kind = any(${p(f.kinds)}::text[])`);
  if (f.fields?.length) where.push(`c.fields && ${p(f.fields)}::text[]`);
  if (f.name) where.push(`c.name = ${p(f.name)}`);
  if (f.prefix) where.push(`c.name like ${p(startsWith(f.prefix))}`);
  if (f.since) where.push(`c.seen_at >= ${p(f.since)}::timestamptz`);
  if (f.until) {
    const until = p(f.until);
    where.push(`c.seen_at < ${until}::timestamptz`);
    // Ids grow with seen_at, give or take the clocks of the writers: an event seen before `until` is
    // older than any event seen a day after it (CLOCK_SLACK). So the page starts below that event's
    // id, found through the seen_at index, instead of skipping every newer event one by one.
    where.push(`c.id < coalesce((select id from fleet_change where seen_at >= ${until}::timestamptz + interval '${CLOCK_SLACK}'
      order by seen_at, id limit 1), ${MAX_ID})`);
  }
  const view = f.view ? whereClauses(f.view, undefined, p) : [];
  if (view.length > 0)
    where.push(`exists (select 1 from fleet_function where account = c.account and region = c.region
      and name = c.name and ${view.join(' and ')})`);
  return where;
}

/**
 * The filters without an account or region filter that names every one ever synced (events come
 * only from those): the BFF always names them, and a filter on every one would keep the planner
 * from reading the newest events first.
 */
async function withoutEveryRegion(sql: SqlClient, filters: ChangeFilters): Promise<ChangeFilters> {
  if (!filters.accounts && !filters.regions) return filters;
  const { rows } = await sql.query<{ account: string; region: string }>(
    'select account, region from fleet_region',
  );
  return withoutCovering(filters, {
    accounts: rows.map((r) => r.account),
    regions: rows.map((r) => r.region),
  });
}

async function newestId(sql: SqlClient): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    'select coalesce(max(id), 0)::text as id from fleet_change',
  );
  return rows[0]?.id ?? '0';
}

/**
 * A page of the history, newest first, by keyset on the event id: each page starts strictly
 * before the last id of the previous one, so events recorded while someone pages never shift or
 * repeat a page. Diffs are read as stored (the projection's values, never a secret).
 * @example const page = await listChanges(sql, { filters: { regions: ['cn-hangzhou'], kinds: ['deleted'] }, limit: 50 });
 */
export async function listChanges(
  sql: SqlClient,
  options: ListChangesOptions,
): Promise<{ events: ChangeEvent[]; nextId?: string }> {
  const filters = await withoutEveryRegion(sql, options.filters);
  const read = async (extra: (p: Param) => string[], order: string) => {
    const params: SqlValue[] = [];
    const p: Param = (value) => `$${params.push(value)}`;
    const where = [...changeWhere(filters, p), ...extra(p)];
    if (options.afterId !== undefined) where.push(`c.id < ${p(options.afterId)}::bigint`);
    const sqlText = `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''}
      order by ${order} limit ${p(options.limit + 1)}`;
    return (await sql.query<ChangeRow>(sqlText, params)).rows;
  };
  let rows: ChangeRow[];
  if (!filters.fields?.length) rows = await read(() => [], 'c.id desc');
  else {
    // The planner cannot tell a field that no event touched (gpuConfig in a fleet without GPUs) from
    // a rare one, and would walk every id looking for a page of it. So the newest RECENT_EVENTS are
    // read that way first; when they hold no full page, the field is rare (or another filter is
    // narrow), and the older ones are read without the walk by id (`c.id + 0`): through the GIN
    // index on fields, or the other filter's index.
    const newest = BigInt(options.afterId ?? (await newestId(sql)));
    const border = String(newest - BigInt(options.recentEvents ?? RECENT_EVENTS));
    const recent = await read((p) => [`c.id > ${p(border)}::bigint`], 'c.id desc');
    rows =
      recent.length > options.limit
        ? recent
        : [...recent, ...(await read((p) => [`c.id <= ${p(border)}::bigint`], 'c.id + 0 desc'))];
  }
  const page = rows.slice(0, options.limit);
  const events = page.map(
    (r): ChangeEvent => ({
      id: r.id,
      kind: r.kind,
      account: r.account,
      region: r.region,
      functionName: r.name,
      seenAt: iso(r.seen_at),
      passStartedAt: iso(r.pass_started_at),
      ...(r.last_modified_time ? { lastModifiedTime: iso(r.last_modified_time) } : {}),
      changes: r.diff ? (JSON.parse(r.diff) as FieldChange[]) : [],
    }),
  );
  const last = page.at(-1);
  return { events, ...(rows.length > options.limit && last ? { nextId: last.id } : {}) };
}
