import type { SqlClient } from '@fc-fleet/fleet-index';

// A year of a fleet's history written straight into `fleet_change` (after the migrations), in
// chunks of `insert ... select ... from generate_series`, so a million events take a minute, not
// a year of passes. Seeded (setseed), so every run stores the same history.

/** The shape of the history to write. */
export interface HistoryShape {
  events: number;
  account: string;
  regions: readonly string[];
  /** Distinct functions, named `svc-000000`...; each lives in one region. */
  functions: number;
  days: number;
  passMinutes: number;
}

// Fields a modification touches, repeated by how often they change in a real fleet: a code deploy
// changes the checksum (and mostly the size); then environment, image, sizing; network, mounts and
// GPUs rarely. `nasConfig` is the bench's rare field (about 1 in 150 draws).
const FIELD_POOL = [
  ...Array<string>(30).fill('codeChecksum'),
  ...Array<string>(22).fill('codeSize'),
  ...Array<string>(20).fill('environmentVariables'),
  ...Array<string>(14).fill('customContainerConfig'),
  ...Array<string>(10).fill('memorySize'),
  ...Array<string>(8).fill('timeout'),
  ...Array<string>(6).fill('tags'),
  ...Array<string>(6).fill('layers'),
  ...Array<string>(5).fill('description'),
  ...Array<string>(4).fill('runtime'),
  ...Array<string>(4).fill('cpu'),
  ...Array<string>(3).fill('instanceConcurrency'),
  ...Array<string>(3).fill('vpcConfig'),
  ...Array<string>(2).fill('role'),
  ...Array<string>(2).fill('logConfig'),
  ...Array<string>(2).fill('handler'),
  ...Array<string>(2).fill('diskSize'),
  'nasConfig',
  'gpuConfig',
  'ossMountConfig',
  'tracingConfig',
];

// Each field's diff as the pass writes it (diff-views.ts): path, field, change, before, after.
const DIFF = `case f
  when 'memorySize' then json_build_object('path', f, 'field', f, 'change', 'changed', 'before', 512, 'after', 1024)
  when 'timeout' then json_build_object('path', f, 'field', f, 'change', 'changed', 'before', 60, 'after', 120)
  when 'runtime' then json_build_object('path', f, 'field', f, 'change', 'changed', 'before', 'nodejs16', 'after', 'nodejs18')
  when 'environmentVariables' then json_build_object('path', 'environmentVariables.LOG_LEVEL', 'field', f, 'change', 'changed')
  when 'tags' then json_build_object('path', 'tags.env', 'field', f, 'change', 'changed', 'before', 'staging', 'after', 'prod')
  when 'customContainerConfig' then json_build_object('path', 'customContainerConfig.image', 'field', f, 'change', 'changed',
    'before', 'registry-vpc.cn-hangzhou.aliyuncs.com/fleet/api-server:v1.4.' || (g.i % 9),
    'after', 'registry-vpc.cn-hangzhou.aliyuncs.com/fleet/api-server:v1.4.' || (g.i % 9 + 1))
  when 'layers' then json_build_object('path', f, 'field', f, 'change', 'changed',
    'before', json_build_array(json_build_object('arn', 'acs:fc:cn-hangzhou:1234567890123456:layers/python-deps/versions/' || (g.i % 20), 'size', 31862000)),
    'after', json_build_array(json_build_object('arn', 'acs:fc:cn-hangzhou:1234567890123456:layers/python-deps/versions/' || (g.i % 20 + 1), 'size', 31907113)))
  when 'codeChecksum' then json_build_object('path', f, 'field', f, 'change', 'changed',
    'before', (100000000 + g.i % 899999999)::text || '4402311', 'after', (100000000 + (g.i * 7) % 899999999)::text || '1935872')
  else json_build_object('path', f, 'field', f, 'change', 'changed', 'before', g.i % 1000, 'after', g.i % 1000 + 1)
end`;

/**
 * Events `from`..`to` of the history: event i belongs to pass floor(i * passes / events), so ids
 * grow with time as a real store's do; a function's number is drawn skewed (a few are changed
 * often, most rarely) and scrambled, so hot functions are spread over the names.
 */
const CHUNK = `
insert into fleet_change (account, region, name, kind, seen_at, pass_started_at, last_modified_time, fields, diff)
select $1, g.region, g.name, g.kind, g.seen_at, g.pass_started_at,
  case when g.kind = 'deleted' then g.seen_at - interval '1 day' * (1 + floor(random() * 300))
       else g.seen_at - interval '1 second' * floor(random() * 280) end,
  g.fields,
  case when g.kind = 'modified' then (select json_agg(${DIFF}) from unnest(g.fields) f) end
from (
  select g.*, case when g.kind = 'modified' then array(
      select distinct ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int]
      from generate_series(1, g.nf)) else '{}' end as fields
  from (
    select s.*, ($2::text[])[1 + s.n % cardinality($2::text[])] as region,
      'svc-' || lpad(s.n::text, 6, '0') as name,
      s.pass_started_at + interval '1 millisecond' * floor(random() * 60000) as seen_at
    from (
      select i, n, kind, nf,
        $3::timestamptz + interval '1 minute' * $4::int * floor((i - 1)::float8 * $6::int / $7::int)
          + interval '2 seconds' * (n % cardinality($2::text[])) as pass_started_at
      from (
        select i, (floor($8::int * power(random(), 1.6))::bigint * 7919) % $8::int as n,
          case when r < 0.8 then 'modified' when r < 0.9 then 'created' else 'deleted' end as kind,
          case when random() < 0.6 then 1 when random() < 0.75 then 2 else 3 end as nf
        from (select i, random() as r from generate_series($9::int, $10::int) as i) x
      ) y
    ) s
  ) g
) g
order by g.i`;

/**
 * Writes the history in chunks and returns how long it took; `analyze` afterwards, as PGlite has
 * no autovacuum to gather the planner's statistics.
 * @example const ms = await fillHistory(sql, { events: 1_000_000, account: 'bench', regions, functions: 300_000, days: 365, passMinutes: 5 });
 */
export async function fillHistory(
  sql: SqlClient,
  shape: HistoryShape,
  onProgress: (done: number) => void = () => {},
): Promise<number> {
  const t0 = performance.now();
  const start = new Date(Date.now() - shape.days * 86_400_000);
  const passes = Math.floor((shape.days * 24 * 60) / shape.passMinutes);
  await sql.query('select setseed(0.42)');
  const chunk = 50_000;
  for (let from = 1; from <= shape.events; from += chunk) {
    const to = Math.min(shape.events, from + chunk - 1);
    await sql.query(CHUNK, [
      shape.account,
      [...shape.regions],
      start,
      shape.passMinutes,
      FIELD_POOL,
      passes,
      shape.events,
      shape.functions,
      from,
      to,
    ]);
    onProgress(to);
  }
  await sql.query('analyze fleet_change');
  return performance.now() - t0;
}
