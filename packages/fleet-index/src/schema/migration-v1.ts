// Names sort by code point ("C" collation), as the cloud pages them, whatever the server's locale.
// Sort keys are plain columns with one index each, so every sort is an index walk; the projected
// function (the only copy of its configuration) lives in its own table, so that scans for filters
// and facet counts read narrow rows.
/** The first schema: functions, their projections, and the state of each region. */
export const V1 = `
create extension if not exists pg_trgm;

create table fleet_function (
  account text collate "C" not null,
  region text collate "C" not null,
  name text collate "C" not null,
  fc_version text,
  runtime text collate "C",
  memory_size integer,
  cpu real,
  timeout integer,
  code_size integer,
  created_time timestamptz,
  last_modified_time timestamptz,
  gpu_type text,
  gpu_memory_size integer,
  vpc_id text,
  vswitch_ids text[] not null default '{}',
  security_group_id text,
  internet_access boolean,
  role text,
  resource_group_id text,
  image text,
  image_search text not null default '',
  role_search text not null default '',
  nas_servers text[] not null default '{}',
  oss_buckets text[] not null default '{}',
  layer_arns text[] not null default '{}',
  features text[] not null default '{}',
  tags jsonb not null default '{}',
  tag_env text,
  tag_team text,
  search text not null,
  description_search text not null default '',
  content_hash text not null,
  synced_at timestamptz not null,
  primary key (account, region, name)
);
create index fleet_function_name on fleet_function (name, account, region);
create index fleet_function_runtime on fleet_function (runtime, account, region, name);
create index fleet_function_memory on fleet_function (memory_size, account, region, name);
create index fleet_function_timeout on fleet_function (timeout, account, region, name);
create index fleet_function_code_size on fleet_function (code_size, account, region, name);
create index fleet_function_created on fleet_function (created_time, account, region, name);
create index fleet_function_modified on fleet_function (last_modified_time, account, region, name);
create index fleet_function_search on fleet_function using gin (search gin_trgm_ops);
create index fleet_function_features on fleet_function using gin (features);
create index fleet_function_tags on fleet_function using gin (tags jsonb_path_ops);

create table fleet_function_view (
  account text collate "C" not null,
  region text collate "C" not null,
  name text collate "C" not null,
  view jsonb not null,
  primary key (account, region, name)
);

create table fleet_region (
  account text not null,
  region text not null,
  state text not null default 'pending',
  pass_started_at timestamptz,
  synced_at timestamptz,
  functions integer not null default 0,
  seen_in_pass integer not null default 0,
  last_error_code text,
  last_error_message text,
  lease_owner text,
  lease_expires_at timestamptz,
  primary key (account, region)
);
`;
