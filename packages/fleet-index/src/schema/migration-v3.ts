// The fleet's history: one row per change a pass saw (created, modified, deleted), newest last
// by id, with the field-level difference of the projection for a modification. Read newest first
// by id, so a page's cursor is one id and events that arrive while someone pages never shift it.
// `fields` lists the top-level fields a modification touched, for the `field=` filter. Each
// function keeps when a pass last saw it change (`last_changed_at`), to filter and sort the table by.
/** Change history. */
export const V3 = `
create table fleet_change (
  id bigint generated always as identity primary key,
  account text collate "C" not null,
  region text collate "C" not null,
  name text collate "C" not null,
  kind text not null check (kind in ('created', 'modified', 'deleted')),
  seen_at timestamptz not null,
  pass_started_at timestamptz not null,
  last_modified_time timestamptz,
  fields text[] not null default '{}',
  diff json
);
-- A function's history (the drawer), and one account's or region's.
create index fleet_change_function on fleet_change (account, region, name, id);
create index fleet_change_where on fleet_change (account, region, id);
-- Every event of a name across accounts and regions, and the name-prefix filter.
create index fleet_change_name on fleet_change (name, id);
create index fleet_change_fields on fleet_change using gin (fields);
-- Retention prunes by time; since/until read by time.
create index fleet_change_seen on fleet_change (seen_at, id);

alter table fleet_function add column last_changed_at timestamptz;
-- Per environment variable, a keyed print of its value (never the value), so a pass can say that
-- a variable changed; compared only between prints made with the same key.
alter table fleet_function add column env_prints json;
create index fleet_function_last_change on fleet_function (last_changed_at, account, region, name);
alter table fleet_facet add column last_changed_at timestamptz;
`;
