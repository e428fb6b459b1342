import type { SqlClient } from '../db/sql-client.ts';
import type { FunctionRow } from './function-row.ts';

const COLUMNS = `account text, region text, name text, fc_version text, runtime text, memory_size integer,
  cpu real, timeout integer, code_size integer, created_time timestamptz, last_modified_time timestamptz,
  gpu_type text, gpu_memory_size integer, vpc_id text, vswitch_ids text[], security_group_id text,
  internet_access boolean, role text, resource_group_id text, image text, image_search text,
  role_search text, nas_servers text[],
  oss_buckets text[], layer_arns text[], features text[], tags jsonb, tag_env text, tag_team text,
  search text, description_search text, content_hash text, view jsonb`;

const NAMES = COLUMNS.split(',')
  .map((column) => column.trim().split(/\s+/)[0] ?? '')
  .filter((name) => name !== 'view');

// One statement per page: rows whose hash is unchanged are skipped by the WHERE of the upsert, so
// an unchanged fleet writes nothing; only the rows that did change get their projection written.
const UPSERT = `
with input as (select * from jsonb_to_recordset($1::jsonb) as x(${COLUMNS})),
changed as (
  insert into fleet_function (${NAMES.join(', ')}, synced_at)
  select ${NAMES.join(', ')}, $2::timestamptz from input
  on conflict (account, region, name) do update set
    ${NAMES.filter((n) => !['account', 'region', 'name'].includes(n))
      .map((n) => `${n} = excluded.${n}`)
      .join(', ')}, synced_at = excluded.synced_at
  where fleet_function.content_hash is distinct from excluded.content_hash
  returning account, region, name
)
insert into fleet_function_view (account, region, name, view)
select i.account, i.region, i.name, i.view from input i join changed c using (account, region, name)
on conflict (account, region, name) do update set view = excluded.view`;

/**
 * Upserts one page of functions; returns how many were new or changed (the rows written).
 * @example await writePage(sql, rows, new Date()); // 0 when the page is unchanged
 */
export async function writePage(sql: SqlClient, rows: readonly FunctionRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const { affectedRows } = await sql.query(UPSERT, [JSON.stringify(rows), now]);
  return affectedRows;
}
