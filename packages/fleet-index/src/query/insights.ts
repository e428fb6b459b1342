import { GPU_TYPES } from '@fc-fleet/fc-api';
import {
  type ChangesDay,
  INSIGHT_CHANGE_DAYS,
  type InsightCount,
  type InsightsAnswer,
  LIFECYCLE_STATUSES,
  type Lifecycle,
  lifecycleOf,
} from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import { FEATURES } from '../sync/function-row.ts';
import { type FacetClause, facetClauses, whereOf } from './facet-filters.ts';
import type { IndexFilters, Param } from './index-filters.ts';
import { changeWhere } from './list-changes.ts';
import { withoutWholeFleetFilters } from './whole-fleet-filters.ts';

/** What {@link fleetInsights} answers: the insights but the regions' freshness, which the BFF adds. */
export type FleetInsights = Omit<InsightsAnswer, 'regions' | 'byAccount'> & {
  byAccount: InsightCount<string>[];
};

// What both ways of counting give, in codes: a count per value of each dimension, and sums.
interface Tally {
  total: number;
  memoryMb: number;
  vcpu: number;
  gpuMemoryMb: number;
  runtime: Map<number | null, number>;
  region: Map<number | null, number>;
  account: Map<number | null, number>;
  env: Map<number | null, number>;
  team: Map<number | null, number>;
  acceleration: Map<number | null, number>;
  memory: Map<number | null, number>;
  network: InsightsAnswer['network'];
  gpu: { gpuType: number; region: number; functions: number; gpuMemoryMb: number }[];
}

const emptyTally = (): Tally => ({
  total: 0,
  memoryMb: 0,
  vcpu: 0,
  gpuMemoryMb: 0,
  runtime: new Map(),
  region: new Map(),
  account: new Map(),
  env: new Map(),
  team: new Map(),
  acceleration: new Map(),
  memory: new Map(),
  network: { internet: 0, internetWithoutVpc: 0, withoutVpc: 0, nas: 0, oss: 0 },
  gpu: [],
});
const add = (counts: Map<number | null, number>, key: number | null, n: number) =>
  counts.set(key, (counts.get(key) ?? 0) + n);

const VPC = 1 << FEATURES.indexOf('vpc');
const NAS = 1 << FEATURES.indexOf('nas');
const OSS = 1 << FEATURES.indexOf('oss');
const GPU_TERM = -1 - FEATURES.indexOf('gpu');

/** The GPU rows of the view through the GIN index on `terms` (few functions have a GPU). */
const gpuSql = (where: readonly string[]) => `select 'gpu' as part, c.gpu_type as a, c.region as b,
    count(*)::integer as n, coalesce(sum(c.gpu_memory), 0)::float8 as x
  from fleet_facet c where ${[`c.terms @> '{${GPU_TERM}}'`, ...where].join(' and ')} group by 2, 3`;

// The scan groups the rows four ways at once (a hash lookup each per row; one set per dimension
// would take nine and cost a quarter more), and each dimension is summed from its set here.
const SCAN_COLUMNS = `runtime, region, account, env, team, memory_size, cpu, acceleration, features, internet`;
const SCAN_SETS = `(runtime, region, account), (env, team), (memory_size, cpu), (acceleration, features, internet)`;
// grouping(runtime, env, memory_size, acceleration): a bit per column, set when not grouped.
const PLACE = 0b0111;
const TAGS = 0b1011;
const SIZE = 0b1101;
const KIND = 0b1110;
type ScanRow = {
  part: 'sets' | 'gpu';
  gid: number;
  runtime: number | null;
  region: number | null;
  account: number | null;
  env: number | null;
  team: number | null;
  memory_size: number | null;
  cpu: number | null;
  acceleration: number | null;
  features: number | null;
  internet: boolean | null;
  n: number;
  x: number;
};

/**
 * Counts by reading the view's facet rows once (through the GIN index where the filters allow),
 * grouped four ways, and its GPU rows. Sums come from the groups: memory from (memory, vCPU) and
 * vCPU in its 0.05 steps (it is stored as real), so no row is summed one by one.
 */
async function scanTally(sql: SqlClient, where: readonly string[], params: SqlValue[]): Promise<Tally> {
  const { rows } = await sql.query<ScanRow>(
    `select 'sets' as part, grouping(runtime, env, memory_size, acceleration) as gid, ${SCAN_COLUMNS},
       count(*)::integer as n, 0::float8 as x
     from fleet_facet c ${where.length ? `where ${where.join(' and ')}` : ''}
     group by grouping sets (${SCAN_SETS})
     union all
     -- A GPU row: its type in the runtime column, its region in the region column.
     select 'gpu', 0, a, b, null, null, null, null, null, null, null, null, n, x from (${gpuSql(where)}) g`,
    params,
  );
  const tally = emptyTally();
  for (const row of rows) {
    if (row.part === 'gpu')
      tally.gpu.push({
        gpuType: row.runtime ?? 0,
        region: row.region ?? 0,
        functions: row.n,
        gpuMemoryMb: row.x,
      });
    else if (row.gid === PLACE) {
      tally.total += row.n;
      add(tally.runtime, row.runtime, row.n);
      add(tally.region, row.region, row.n);
      add(tally.account, row.account, row.n);
    } else if (row.gid === TAGS) {
      add(tally.env, row.env, row.n);
      add(tally.team, row.team, row.n);
    } else if (row.gid === SIZE) {
      add(tally.memory, row.memory_size, row.n);
      tally.memoryMb += (row.memory_size ?? 0) * row.n;
      tally.vcpu += Math.round((row.cpu ?? 0) * 20) * row.n;
    } else if (row.gid === KIND) {
      add(tally.acceleration, row.acceleration, row.n);
      const mask = Number(row.features);
      if (row.internet) tally.network.internet += row.n;
      if (row.internet && !(mask & VPC)) tally.network.internetWithoutVpc += row.n;
      if (!(mask & VPC)) tally.network.withoutVpc += row.n;
      if (mask & NAS) tally.network.nas += row.n;
      if (mask & OSS) tally.network.oss += row.n;
    }
  }
  tally.vcpu /= 20;
  tally.gpuMemoryMb = tally.gpu.reduce((sum, g) => sum + g.gpuMemoryMb, 0);
  return tally;
}

/**
 * Counts from the counts the triggers keep (per account, region and memory size), for a view
 * whose every filter they can apply: no scan, whatever the size of the fleet. Only the GPU rows
 * are read, through the GIN index.
 */
async function keptTally(
  sql: SqlClient,
  clauses: readonly FacetClause[],
  params: SqlValue[],
): Promise<Tally> {
  const kept = clauses.map((c) => `and ${c.totals}`).join(' ');
  const facets = ['total', 'runtime', 'region', 'account', 'env', 'team', 'acceleration', 'cpu'];
  const { rows } = await sql.query<{
    part: string;
    a: string | number;
    b: number | null;
    n: number;
    x: number;
  }>(
    `select 'kept' as part, facet as a, code as b, sum(n)::integer as n, sum(n::bigint * memory)::float8 as x
       from fleet_facet_total where facet in (${facets.map((f) => `'${f}'`).join(', ')}, 'internetAccess', 'internetNoVpc', 'has')
       ${kept} group by facet, code
     union all
     select 'memory', null, memory, sum(n)::integer, 0 from fleet_facet_total where facet = 'total' ${kept} group by memory
     union all
     select part, a::text, b, n, x from (${gpuSql(clauses.map(whereOf))}) g`,
    params,
  );
  const tally = emptyTally();
  let hasVpc = 0;
  for (const row of rows) {
    const code = row.b === 0 ? null : row.b;
    if (row.part === 'gpu')
      tally.gpu.push({ gpuType: Number(row.a), region: Number(row.b), functions: row.n, gpuMemoryMb: row.x });
    // Memory 0 is how the kept counts file a function without a memory size.
    else if (row.part === 'memory') add(tally.memory, code, row.n);
    else if (row.a === 'total') {
      tally.total = row.n;
      tally.memoryMb = row.x;
    } else if (row.a === 'cpu') tally.vcpu += ((row.b ?? 0) * row.n) / 20;
    else if (row.a === 'internetAccess') {
      if (row.b === 1) tally.network.internet += row.n;
    } else if (row.a === 'internetNoVpc') {
      if (row.b === 1) tally.network.internetWithoutVpc += row.n;
    } else if (row.a === 'has') {
      if (row.b === FEATURES.indexOf('vpc')) hasVpc += row.n;
      if (row.b === FEATURES.indexOf('nas')) tally.network.nas += row.n;
      if (row.b === FEATURES.indexOf('oss')) tally.network.oss += row.n;
    } else add(tally[row.a as 'runtime'], code, row.n);
  }
  tally.network.withoutVpc = tally.total - hasVpc;
  tally.vcpu = Math.round(tally.vcpu * 100) / 100;
  tally.gpuMemoryMb = tally.gpu.reduce((sum, g) => sum + g.gpuMemoryMb, 0);
  return tally;
}

/** The GPU card behind a type, when this version knows it. */
const gpuCard = (gpuType: string) => GPU_TYPES.find((g) => g.type === gpuType);

const byCount = <V>(a: InsightCount<V>, b: InsightCount<V>) =>
  b.count - a.count || String(a.value).localeCompare(String(b.value));

/**
 * Counts the view's functions every way the Insights page shows them, under every filter of the
 * view (no facet ignores its own filter here: an insight counts what the table shows), plus the
 * view's change events per day. A view filtered by place or memory only is counted from the kept
 * counts; any other reads the narrow `fleet_facet` rows of the view once.
 * @example const insights = await fleetInsights(sql, { regions: ['cn-hangzhou'], has: ['gpu'] }, new Date());
 */
export async function fleetInsights(
  sql: SqlClient,
  filters: IndexFilters,
  now: Date,
): Promise<FleetInsights> {
  const params: SqlValue[] = [];
  const p: Param = (value) => `$${params.push(value)}`;
  const clauses = facetClauses(await withoutWholeFleetFilters(sql, filters), p);
  const tally = clauses.every((c) => c.totals !== undefined)
    ? await keptTally(sql, clauses, params)
    : await scanTally(sql, clauses.map(whereOf), params);
  const codes = new Set<number>();
  for (const counts of [
    tally.runtime,
    tally.region,
    tally.account,
    tally.env,
    tally.team,
    tally.acceleration,
  ])
    for (const code of counts.keys()) if (code !== null) codes.add(code);
  for (const g of tally.gpu) codes.add(g.gpuType).add(g.region);
  const terms = new Map<number, string>();
  if (codes.size > 0) {
    const { rows: found } = await sql.query<{ code: number; value: string }>(
      'select code, value from fleet_term where code = any($1::integer[])',
      [[...codes]],
    );
    for (const t of found) terms.set(t.code, t.value);
  }
  const counts = (of: Map<number | null, number>) =>
    [...of]
      .filter(([, n]) => n > 0)
      .map(([code, count]) => ({ value: code === null ? null : (terms.get(code) ?? null), count }))
      .sort(byCount);
  const placed = (of: Map<number | null, number>) =>
    counts(of).flatMap((c) => (c.value === null ? [] : [{ value: c.value, count: c.count }]));

  const byRuntime = counts(tally.runtime);
  const statuses = new Map<Lifecycle, number>(LIFECYCLE_STATUSES.map((s) => [s, 0]));
  for (const { value: runtime, count } of byRuntime) {
    const status = lifecycleOf(runtime, now).status;
    statuses.set(status, (statuses.get(status) ?? 0) + count);
  }
  return {
    total: tally.total,
    at: now.toISOString(),
    byRuntime,
    byLifecycle: LIFECYCLE_STATUSES.map((status) => ({ value: status, count: statuses.get(status) ?? 0 })),
    byRegion: placed(tally.region),
    byAccount: placed(tally.account),
    byTag: { env: counts(tally.env), team: counts(tally.team) },
    byMemory: [...tally.memory]
      .filter(([, n]) => n > 0)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => (a.value ?? -1) - (b.value ?? -1)),
    gpu: tally.gpu
      .map((g) => {
        const gpuType = terms.get(g.gpuType) ?? '';
        const card = gpuCard(gpuType);
        return {
          gpuType,
          region: terms.get(g.region) ?? '',
          ...(card ? { card: card.card, cardMemoryMb: card.memoryGb * 1024 } : {}),
          functions: g.functions,
          gpuMemoryMb: g.gpuMemoryMb,
        };
      })
      .sort((a, b) => a.gpuType.localeCompare(b.gpuType) || a.region.localeCompare(b.region)),
    resources: { memoryMb: tally.memoryMb, vcpu: tally.vcpu, gpuMemoryMb: tally.gpuMemoryMb },
    network: tally.network,
    byAcceleration: placed(tally.acceleration),
    changesPerDay: await changesPerDay(sql, filters, now),
  };
}

const DAY_MS = 86_400_000;

/**
 * The view's change events per UTC day over the last {@link INSIGHT_CHANGE_DAYS} days (today
 * included), oldest first, every day present: the events the Changes page lists for the same view
 * with `since` and `until` at the day's bounds (the same conditions, changeWhere).
 */
async function changesPerDay(sql: SqlClient, filters: IndexFilters, now: Date): Promise<ChangesDay[]> {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const first = today - (INSIGHT_CHANGE_DAYS - 1) * DAY_MS;
  const { accounts, regions, prefix, ...view } = filters;
  const params: SqlValue[] = [];
  const where = changeWhere(
    {
      ...(accounts ? { accounts } : {}),
      ...(regions ? { regions } : {}),
      ...(prefix ? { prefix } : {}),
      since: new Date(first),
      ...(Object.keys(view).length > 0 ? { view } : {}),
    },
    (value) => `$${params.push(value)}`,
  );
  const { rows } = await sql.query<{ day: string; kind: keyof Omit<ChangesDay, 'day'>; n: number }>(
    `select to_char(c.seen_at at time zone 'UTC', 'YYYY-MM-DD') as day, c.kind, count(*)::integer as n
     from fleet_change c where ${where.join(' and ')} group by 1, 2`,
    params,
  );
  const days = new Map<string, ChangesDay>();
  for (let at = first; at <= today; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.set(day, { day, created: 0, modified: 0, deleted: 0 });
  }
  for (const row of rows) {
    const day = days.get(row.day);
    if (day) day[row.kind] += row.n;
  }
  return [...days.values()];
}
