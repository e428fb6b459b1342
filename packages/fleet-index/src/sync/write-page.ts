import type { FieldChange, FunctionView } from '@fc-fleet/fleet-contract';
import type { SqlClient } from '../db/sql-client.ts';
import { diffViews } from './diff-views.ts';
import { type FunctionRow, featureMask } from './function-row.ts';
import { CODED_FACETS, codeOf, ensureTerms, type TermCodes } from './term-codes.ts';

const COLUMNS = `account text, region text, name text, fc_version text, runtime text, memory_size integer,
  cpu real, timeout integer, code_size integer, created_time timestamptz, last_modified_time timestamptz,
  gpu_type text, gpu_memory_size integer, vpc_id text, vswitch_ids text[], security_group_id text,
  internet_access boolean, role text, resource_group_id text, image text, acceleration text, image_search text,
  role_search text, nas_servers text[],
  oss_buckets text[], layer_arns text[], features text[], tags jsonb, tag_env text, tag_team text,
  search text, description_search text, content_hash text, env_prints json, last_changed_at timestamptz,
  view json`;

const NAMES = COLUMNS.split(',')
  .map((column) => column.trim().split(/\s+/)[0] ?? '')
  .filter((name) => name !== 'view' && name !== 'last_changed_at');

const CODE_COLUMNS = CODED_FACETS.map(([, field]) => `code_${field}`);

// Which rows of a page are new or changed: a page of an unchanged fleet costs one index lookup
// per function, and its rows are never sent to the store at all.
const CHANGED = `
select x.account, x.region, x.name
from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x (account, region, name, hash)
left join fleet_function f
  on f.account = x.account collate "C" and f.region = x.region collate "C" and f.name = x.name collate "C"
where f.content_hash is distinct from x.hash`;

// What the store holds of the changed rows of a page, for the history: projection, FC version
// and environment prints (no row for a function it does not have). Asked only after CHANGED found
// changed rows, so an unchanged page costs no more than without history.
const BEFORE = `
select f.account, f.region, f.name, f.fc_version, f.env_prints::text as env_prints, v.view::text as view
from unnest($1::text[], $2::text[], $3::text[]) as x (account, region, name)
join fleet_function f
  on f.account = x.account collate "C" and f.region = x.region collate "C" and f.name = x.name collate "C"
join fleet_function_view v on v.account = f.account and v.region = f.region and v.name = f.name`;

/** The columns of a `fleet_change` row, as a page's events are sent. */
const CHANGE_COLUMNS = `account text, region text, name text, kind text, seen_at timestamptz,
  pass_started_at timestamptz, last_modified_time timestamptz, fields text[], diff json`;

// Events go in with the rows they describe, in one statement, and only for rows that statement
// wrote: a history never tells of a write that did not happen. A deletion before a creation.
const EVENTS = `events as (
  insert into fleet_change (account, region, name, kind, seen_at, pass_started_at, last_modified_time, fields, diff)
  select e.account, e.region, e.name, e.kind, e.seen_at, e.pass_started_at, e.last_modified_time, e.fields, e.diff
  from json_to_recordset($3::json) as e (${CHANGE_COLUMNS})
  join changed c on c.account = e.account collate "C" and c.region = e.region collate "C" and c.name = e.name collate "C"
  order by e.name, e.kind = 'created', e.kind
),`;

// One statement for the changed rows: the function, its projection and its facet codes (the
// triggers on fleet_facet then update the fleet-wide counts). The hash guard stays, for a writer
// that changed the row since CHANGED looked.
const upsert = (events: boolean) => `
with input as (
  select * from json_to_recordset($1::json)
    as x (${COLUMNS}, ${CODE_COLUMNS.map((c) => `${c} integer`).join(', ')}, feature_mask smallint,
      facet_terms integer[])
),
changed as (
  insert into fleet_function (${NAMES.join(', ')}, synced_at, last_changed_at)
  select ${NAMES.join(', ')}, $2::timestamptz, last_changed_at from input
  on conflict (account, region, name) do update set
    ${NAMES.filter((n) => !['account', 'region', 'name'].includes(n))
      .map((n) => `${n} = excluded.${n}`)
      .join(', ')}, synced_at = excluded.synced_at,
    last_changed_at = coalesce(excluded.last_changed_at, fleet_function.last_changed_at)
  where fleet_function.content_hash is distinct from excluded.content_hash
  returning id, account, region, name, last_changed_at
),
${events ? EVENTS : ''}
views as (
  insert into fleet_function_view (account, region, name, view)
  select i.account, i.region, i.name, i.view from input i join changed c using (account, region, name)
  on conflict (account, region, name) do update set view = excluded.view
)
insert into fleet_facet (id, account, region, fc_version, runtime, gpu_type, vpc_id, env, team,
  acceleration, internet, features, memory_size, timeout, code_size, created_time, last_modified_time,
  name, terms, last_changed_at, cpu, gpu_memory)
select c.id, ${CODE_COLUMNS.map((column) => `i.${column}`).join(', ')},
  coalesce(i.internet_access, true), i.feature_mask, i.memory_size, i.timeout, i.code_size,
  i.created_time, i.last_modified_time, i.name, i.facet_terms, c.last_changed_at, i.cpu, i.gpu_memory_size
from input i join changed c using (account, region, name)
on conflict (id) do update set account = excluded.account, region = excluded.region,
  fc_version = excluded.fc_version, runtime = excluded.runtime, gpu_type = excluded.gpu_type,
  vpc_id = excluded.vpc_id, env = excluded.env, team = excluded.team,
  acceleration = excluded.acceleration, internet = excluded.internet,
  features = excluded.features, memory_size = excluded.memory_size, timeout = excluded.timeout,
  code_size = excluded.code_size, created_time = excluded.created_time,
  last_modified_time = excluded.last_modified_time, name = excluded.name, terms = excluded.terms,
  last_changed_at = excluded.last_changed_at, cpu = excluded.cpu, gpu_memory = excluded.gpu_memory`;

/**
 * The codes of a facet row for its GIN index: each coded value, then -1 - bit for each feature,
 * and -9 for a function without internet access.
 */
function facetTerms(coded: Record<string, number | null>, mask: number, internet: boolean): number[] {
  const terms = CODE_COLUMNS.flatMap((column) => {
    const code = coded[column];
    return typeof code === 'number' ? [code] : [];
  });
  for (let bit = 0; bit < 8; bit++) if (mask & (1 << bit)) terms.push(-1 - bit);
  if (!internet) terms.push(-9);
  return terms;
}

const rowKey = (r: { account: string; region: string; name: string }) =>
  `${r.account}\u0000${r.region}\u0000${r.name}`;

/** What the pages of one pass share. */
export interface PageContext {
  /** Facet codes learnt so far. */
  codes: TermCodes;
  /**
   * Whether the last page was all new, as in a first pass: the next page then goes straight to
   * the upsert, which skips unchanged rows anyway, rather than asking first which rows changed.
   * Not used while history is recorded, which needs the rows as they were.
   */
  allNew: boolean;
  /** Set when the pass records what changed (once its region has completed a pass): when it started. */
  history?: { passStartedAt: Date };
}

/** A row of `fleet_change` as a page sends it. */
interface ChangeRow {
  account: string;
  region: string;
  name: string;
  kind: 'created' | 'modified' | 'deleted';
  seen_at: Date;
  pass_started_at: Date;
  last_modified_time: string | null;
  fields: string[];
  diff: FieldChange[] | null;
}

/** What the store held of a changed row: undefined when it did not have the function. */
type Before = { view: FunctionView; fcVersion: string | null; prints: Record<string, string> | null };

const validTime = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? value : null);

/**
 * The events of one written row: `created` for a function the store did not have; `deleted` then
 * `created` for one whose creation time changed (deleted and made again between passes); else
 * `modified` with the field-level difference, when a field differs or the cloud's
 * lastModifiedTime moved (a change to a value the projection masks shows only as that).
 */
function eventsOf(
  before: Before | undefined,
  row: FunctionRow,
  seenAt: Date,
  passStartedAt: Date,
): ChangeRow[] {
  const base = {
    account: row.account,
    region: row.region,
    name: row.name,
    seen_at: seenAt,
    pass_started_at: passStartedAt,
  };
  const created: ChangeRow = {
    ...base,
    kind: 'created',
    last_modified_time: row.last_modified_time,
    fields: [],
    diff: null,
  };
  if (!before) return [created];
  const was = before.view.createdTime;
  if (was && row.view.createdTime && was !== row.view.createdTime)
    return [
      {
        ...base,
        kind: 'deleted',
        last_modified_time: validTime(before.view.lastModifiedTime),
        fields: [],
        diff: null,
      },
      created,
    ];
  const diff = diffViews(before, { view: row.view, fcVersion: row.fc_version, prints: row.env_prints });
  if (diff.length === 0 && before.view.lastModifiedTime === row.view.lastModifiedTime) return [];
  return [
    {
      ...base,
      kind: 'modified',
      last_modified_time: row.last_modified_time,
      fields: [...new Set(diff.map((d) => d.field))],
      diff,
    },
  ];
}

/**
 * Upserts one page of functions; returns how many were new or changed (the rows written). Rows
 * whose content hash the store already has are not sent. Pass one `context` to every page of a
 * pass, so facet codes are learnt once; with `context.history`, the events of the page are
 * written in the same statement and each changed function's `last_changed_at` moves to `now`.
 * @example await writePage(sql, rows, new Date()); // 0 when the page is unchanged
 */
export async function writePage(
  sql: SqlClient,
  rows: readonly FunctionRow[],
  now: Date,
  context: PageContext = { codes: new Map(), allNew: false },
): Promise<number> {
  if (rows.length === 0) return 0;
  let changed: readonly FunctionRow[];
  const events: ChangeRow[] = [];
  const changedAt = new Set<string>();
  if (context.history) {
    const before = await changedWithBefore(sql, rows);
    changed = rows.filter((r) => before.has(rowKey(r)));
    for (const row of changed) {
      const mine = eventsOf(before.get(rowKey(row)), row, now, context.history.passStartedAt);
      if (mine.length > 0) changedAt.add(rowKey(row));
      events.push(...mine);
    }
  } else changed = context.allNew ? rows : await changedRows(sql, rows);
  if (changed.length === 0) {
    context.allNew = false;
    return 0;
  }
  const { codes } = context;
  await ensureTerms(sql, codes, changed);
  const input = changed.map((row) => {
    const mask = featureMask(row.features) ?? 0;
    const coded: Record<string, number | null> = { feature_mask: mask };
    for (const [facet, field] of CODED_FACETS) coded[`code_${field}`] = codeOf(codes, facet, row[field]);
    return {
      ...row,
      ...coded,
      facet_terms: facetTerms(coded, mask, row.internet_access ?? true),
      last_changed_at: changedAt.has(rowKey(row)) ? now : null,
    };
  });
  const { affectedRows } = await sql.query(
    upsert(events.length > 0),
    events.length > 0 ? [JSON.stringify(input), now, JSON.stringify(events)] : [JSON.stringify(input), now],
  );
  context.allNew = !context.history && affectedRows === rows.length;
  return affectedRows;
}

/** The rows of a page that are new or changed, by their content hash. */
async function changedRows(sql: SqlClient, rows: readonly FunctionRow[]): Promise<readonly FunctionRow[]> {
  const { rows: keys } = await sql.query<{ account: string; region: string; name: string }>(CHANGED, [
    rows.map((r) => r.account),
    rows.map((r) => r.region),
    rows.map((r) => r.name),
    rows.map((r) => r.content_hash),
  ]);
  const wanted = new Set(keys.map(rowKey));
  return keys.length === rows.length ? rows : rows.filter((r) => wanted.has(rowKey(r)));
}

/** The new or changed rows of a page, each with what the store held of it (undefined: nothing). */
async function changedWithBefore(sql: SqlClient, rows: readonly FunctionRow[]) {
  const before = new Map<string, Before | undefined>();
  const changed = await changedRows(sql, rows);
  if (changed.length === 0) return before;
  for (const row of changed) before.set(rowKey(row), undefined);
  const { rows: found } = await sql.query<{
    account: string;
    region: string;
    name: string;
    fc_version: string | null;
    env_prints: string | null;
    view: string;
  }>(BEFORE, [changed.map((r) => r.account), changed.map((r) => r.region), changed.map((r) => r.name)]);
  for (const r of found)
    before.set(rowKey(r), {
      view: JSON.parse(r.view) as FunctionView,
      fcVersion: r.fc_version,
      prints: r.env_prints === null ? null : (JSON.parse(r.env_prints) as Record<string, string>),
    });
  return before;
}
