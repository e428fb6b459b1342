import type { SqlClient } from '../db/sql-client.ts';
import { type FunctionRow, featureMask } from './function-row.ts';
import { CODED_FACETS, codeOf, ensureTerms, type TermCodes } from './term-codes.ts';

const COLUMNS = `account text, region text, name text, fc_version text, runtime text, memory_size integer,
  cpu real, timeout integer, code_size integer, created_time timestamptz, last_modified_time timestamptz,
  gpu_type text, gpu_memory_size integer, vpc_id text, vswitch_ids text[], security_group_id text,
  internet_access boolean, role text, resource_group_id text, image text, image_search text,
  role_search text, nas_servers text[],
  oss_buckets text[], layer_arns text[], features text[], tags jsonb, tag_env text, tag_team text,
  search text, description_search text, content_hash text, view json`;

const NAMES = COLUMNS.split(',')
  .map((column) => column.trim().split(/\s+/)[0] ?? '')
  .filter((name) => name !== 'view');

const CODE_COLUMNS = CODED_FACETS.map(([, field]) => `code_${field}`);

// Which rows of a page are new or changed: a page of an unchanged fleet costs one index lookup
// per function, and its rows are never sent to the store at all.
const CHANGED = `
select x.account, x.region, x.name
from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x (account, region, name, hash)
left join fleet_function f
  on f.account = x.account collate "C" and f.region = x.region collate "C" and f.name = x.name collate "C"
where f.content_hash is distinct from x.hash`;

// One statement for the changed rows: the function, its projection and its facet codes (the
// triggers on fleet_facet then update the fleet-wide counts). The hash guard stays, for a writer
// that changed the row since CHANGED looked.
const UPSERT = `
with input as (
  select * from json_to_recordset($1::json)
    as x (${COLUMNS}, ${CODE_COLUMNS.map((c) => `${c} integer`).join(', ')}, feature_mask smallint,
      facet_terms integer[])
),
changed as (
  insert into fleet_function (${NAMES.join(', ')}, synced_at)
  select ${NAMES.join(', ')}, $2::timestamptz from input
  on conflict (account, region, name) do update set
    ${NAMES.filter((n) => !['account', 'region', 'name'].includes(n))
      .map((n) => `${n} = excluded.${n}`)
      .join(', ')}, synced_at = excluded.synced_at
  where fleet_function.content_hash is distinct from excluded.content_hash
  returning id, account, region, name
),
views as (
  insert into fleet_function_view (account, region, name, view)
  select i.account, i.region, i.name, i.view from input i join changed c using (account, region, name)
  on conflict (account, region, name) do update set view = excluded.view
)
insert into fleet_facet (id, account, region, fc_version, runtime, gpu_type, vpc_id, env, team,
  internet, features, memory_size, timeout, code_size, created_time, last_modified_time, name, terms)
select c.id, ${CODE_COLUMNS.map((column) => `i.${column}`).join(', ')},
  coalesce(i.internet_access, true), i.feature_mask, i.memory_size, i.timeout, i.code_size,
  i.created_time, i.last_modified_time, i.name, i.facet_terms
from input i join changed c using (account, region, name)
on conflict (id) do update set account = excluded.account, region = excluded.region,
  fc_version = excluded.fc_version, runtime = excluded.runtime, gpu_type = excluded.gpu_type,
  vpc_id = excluded.vpc_id, env = excluded.env, team = excluded.team, internet = excluded.internet,
  features = excluded.features, memory_size = excluded.memory_size, timeout = excluded.timeout,
  code_size = excluded.code_size, created_time = excluded.created_time,
  last_modified_time = excluded.last_modified_time, name = excluded.name, terms = excluded.terms`;

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
   */
  allNew: boolean;
}

/**
 * Upserts one page of functions; returns how many were new or changed (the rows written). Rows
 * whose content hash the store already has are not sent. Pass one `context` to every page of a
 * pass, so facet codes are learnt once.
 * @example await writePage(sql, rows, new Date()); // 0 when the page is unchanged
 */
export async function writePage(
  sql: SqlClient,
  rows: readonly FunctionRow[],
  now: Date,
  context: PageContext = { codes: new Map(), allNew: false },
): Promise<number> {
  if (rows.length === 0) return 0;
  const changed = context.allNew ? rows : await changedRows(sql, rows);
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
    return { ...row, ...coded, facet_terms: facetTerms(coded, mask, row.internet_access ?? true) };
  });
  const { affectedRows } = await sql.query(UPSERT, [JSON.stringify(input), now]);
  context.allNew = affectedRows === rows.length;
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
