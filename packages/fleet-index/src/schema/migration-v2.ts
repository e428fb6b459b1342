// Facet counts and narrow views read a narrow copy of each function: one row of small integer
// codes (a dictionary, `fleet_term`, maps codes to values) and sort keys, which a scan of 300,000
// functions reads in tens of milliseconds and the buffer pool keeps, where the wide
// `fleet_function` rows would not even fit in it.
// The counts over the whole fleet are kept up to date by statement triggers, so the dashboard's
// opening view needs no scan at all. Codes are never reused or deleted, so a writer may cache them.
// `features` is a bit mask in the order of `FEATURES` (sync/function-row.ts): bit 0 vpc, 1 nas,
// 2 oss, 3 gpu, 4 container, 5 layers, 6 tracing, 7 logs. In `fleet_facet_total`, code 0 stands
// for "no value", `internetAccess` counts under 1 (true) and 0, `has` under the bit number, and
// `total` under 0; each count is kept per memory size.

// The (facet, code) pairs a facet row `r` counts under. Spelled out rather than a function of the
// whole row, which PostgreSQL 18 fails to plan over a table ("variable not found in subplan").
export const PAIRS = `cross join lateral (
    select * from (values ('total', 0), ('account', r.account), ('region', r.region),
      ('fcVersion', coalesce(r.fc_version, 0)), ('runtime', coalesce(r.runtime, 0)),
      ('gpuType', coalesce(r.gpu_type, 0)), ('vpcId', coalesce(r.vpc_id, 0)),
      ('internetAccess', r.internet::integer), ('env', coalesce(r.env, 0)), ('team', coalesce(r.team, 0))) as v (facet, code)
    union all
    select 'has', b from generate_series(0, 7) as b where r.features & (1 << b) <> 0) p`;

/** Facet codes, fleet-wide counts kept by triggers, ids, and projections stored as `json`. */
export const V2 = `
alter table fleet_function add column id bigint generated always as identity;
create unique index fleet_function_id on fleet_function (id);
-- The has filter is answered from fleet_facet.features; this index only slowed every insert.
drop index fleet_function_features;
-- Read back whole, never searched: json keeps the text as written, with no binary conversion.
alter table fleet_function_view alter column view type json using view::json;

create table fleet_term (
  code integer generated always as identity primary key,
  facet text not null,
  value text collate "C" not null,
  unique (facet, value)
);

create table fleet_facet (
  id bigint primary key,
  account integer not null,
  region integer not null,
  fc_version integer,
  runtime integer,
  gpu_type integer,
  vpc_id integer,
  internet boolean not null,
  env integer,
  team integer,
  features smallint not null,
  memory_size integer,
  -- The sort keys, so a page of a narrow view is sorted here too; the name last, since a scan
  -- that stops short of it never decodes it.
  timeout integer,
  code_size integer,
  created_time timestamptz,
  last_modified_time timestamptz,
  name text collate "C" not null
);

-- Every code of a facet row in one array (written by the writer, see facetTerms), for a GIN
-- index: a narrow view (a runtime, a feature, a tag) finds its rows through it instead of
-- scanning them all. Features are -1 - bit, and a function without internet access has -9.
alter table fleet_facet add column terms integer[] not null;
create index fleet_facet_terms on fleet_facet using gin (terms);

-- Whoever deletes a function (a pass, a repair), its facet row goes too, and with it its counts.
-- A statement trigger rather than a foreign key, which would check every insert row by row.
create function fleet_function_gone() returns trigger language plpgsql as $$
begin
  delete from fleet_facet c using old_rows r where c.id = r.id;
  return null;
end $$;
create trigger fleet_function_deleted after delete on fleet_function
  referencing old table as old_rows for each statement execute function fleet_function_gone();

-- By memory size too (a function without one under 0), so a view filtered by memory alone
-- needs no scan either.
create table fleet_facet_total (
  facet text not null,
  code integer not null,
  memory integer not null,
  n integer not null,
  primary key (facet, code, memory)
);

-- Rows are added in (facet, code) order, so concurrent writers lock them in one order.
create function fleet_facet_count() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into fleet_facet_total (facet, code, memory, n)
    select p.facet, p.code, coalesce(r.memory_size, 0), count(*)::integer from new_rows r ${PAIRS}
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (facet, code, memory) do update set n = fleet_facet_total.n + excluded.n;
  elsif tg_op = 'DELETE' then
    insert into fleet_facet_total (facet, code, memory, n)
    select p.facet, p.code, coalesce(r.memory_size, 0), -count(*)::integer from old_rows r ${PAIRS}
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (facet, code, memory) do update set n = fleet_facet_total.n + excluded.n;
  else
    insert into fleet_facet_total (facet, code, memory, n)
    select facet, code, memory, sum(d)::integer from (
      select p.facet, p.code, coalesce(r.memory_size, 0) as memory, 1 as d from new_rows r ${PAIRS}
      union all
      select p.facet, p.code, coalesce(r.memory_size, 0), -1 from old_rows r ${PAIRS}
    ) changes group by 1, 2, 3 having sum(d) <> 0 order by 1, 2, 3
    on conflict (facet, code, memory) do update set n = fleet_facet_total.n + excluded.n;
  end if;
  return null;
end $$;

create trigger fleet_facet_inserted after insert on fleet_facet
  referencing new table as new_rows for each statement execute function fleet_facet_count();
create trigger fleet_facet_updated after update on fleet_facet
  referencing old table as old_rows new table as new_rows for each statement execute function fleet_facet_count();
create trigger fleet_facet_deleted after delete on fleet_facet
  referencing old table as old_rows for each statement execute function fleet_facet_count();

-- An index written by FC Fleet 1 gets its codes here; from now on every write keeps them.
insert into fleet_term (facet, value)
select distinct t.facet, t.value from fleet_function f
cross join lateral (values ('account', f.account), ('region', f.region), ('fcVersion', f.fc_version),
  ('runtime', f.runtime), ('gpuType', f.gpu_type), ('vpcId', f.vpc_id), ('env', f.tag_env),
  ('team', f.tag_team)) as t (facet, value)
where t.value is not null order by 1, 2;

insert into fleet_facet
select f.id,
  (select code from fleet_term where facet = 'account' and value = f.account),
  (select code from fleet_term where facet = 'region' and value = f.region),
  (select code from fleet_term where facet = 'fcVersion' and value = f.fc_version),
  (select code from fleet_term where facet = 'runtime' and value = f.runtime),
  (select code from fleet_term where facet = 'gpuType' and value = f.gpu_type),
  (select code from fleet_term where facet = 'vpcId' and value = f.vpc_id),
  coalesce(f.internet_access, true),
  (select code from fleet_term where facet = 'env' and value = f.tag_env),
  (select code from fleet_term where facet = 'team' and value = f.tag_team),
  ((case when 'vpc' = any (f.features) then 1 else 0 end) | (case when 'nas' = any (f.features) then 2 else 0 end)
    | (case when 'oss' = any (f.features) then 4 else 0 end) | (case when 'gpu' = any (f.features) then 8 else 0 end)
    | (case when 'container' = any (f.features) then 16 else 0 end)
    | (case when 'layers' = any (f.features) then 32 else 0 end)
    | (case when 'tracing' = any (f.features) then 64 else 0 end)
    | (case when 'logs' = any (f.features) then 128 else 0 end))::smallint,
  f.memory_size, f.timeout, f.code_size, f.created_time, f.last_modified_time, f.name, '{}'
from fleet_function f;
update fleet_facet set terms = array_remove(array[account, region, fc_version, runtime, gpu_type, vpc_id, env, team], null)
  || array(select -1 - b from generate_series(0, 7) as b where features & (1 << b) <> 0)
  || case when internet then '{}'::integer[] else array[-9] end;
`;
