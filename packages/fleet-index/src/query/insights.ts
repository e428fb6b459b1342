import {
  type ChangesDay,
  gpuCard,
  INSIGHT_CHANGE_DAYS,
  type InsightCount,
  type InsightsAnswer,
  LIFECYCLE_STATUSES,
  type Lifecycle,
  lifecycleOf,
} from '@fc-fleet/fleet-contract';
import type { SqlClient, SqlValue } from '../db/sql-client.ts';
import { FEATURES, featureMask } from '../sync/function-row.ts';
import { facetClauses, whereOf } from './facet-filters.ts';
import type { IndexFilters, Param } from './index-filters.ts';
import { changeWhere } from './list-changes.ts';
import { withoutWholeFleetFilters } from './whole-fleet-filters.ts';

/** What {@link fleetInsights} answers: the insights but the regions' freshness, which the BFF adds. */
export type FleetInsights = Omit<InsightsAnswer, 'regions'>;

// The grouping sets of one read, each named by the columns it groups; `()` is the whole view.
const SETS = {
  runtime: ['runtime'],
  region: ['region'],
  account: ['account'],
  env: ['env'],
  team: ['team'],
  gpu: ['gpu_type', 'region'],
  memory: ['memory_size'],
  acceleration: ['acceleration'],
  features: ['features', 'internet'],
  view: [],
} as const satisfies Record<string, readonly string[]>;
type SetName = keyof typeof SETS;
const COLUMNS = [
  'runtime',
  'region',
  'account',
  'env',
  'team',
  'gpu_type',
  'memory_size',
  'acceleration',
  'features',
  'internet',
] as const;
type Column = (typeof COLUMNS)[number];

// grouping(a, b, ...) has a bit per column, the first the highest, set when the column is not grouped.
const gidOf = (columns: readonly Column[]) =>
  COLUMNS.reduce((gid, column, i) => gid | (columns.includes(column) ? 0 : 1 << (COLUMNS.length - 1 - i)), 0);
const SET_OF_GID = new Map<number, SetName>(
  (Object.entries(SETS) as [SetName, readonly Column[]][]).map(([name, columns]) => [gidOf(columns), name]),
);

type Row = { gid: number; n: number; memory: number; vcpu: number; gpu_memory: number } & Record<
  Column,
  number | boolean | null
>;

const CODED: readonly Column[] = ['runtime', 'region', 'account', 'env', 'team', 'gpu_type', 'acceleration'];
const byCount = <V>(a: InsightCount<V>, b: InsightCount<V>) =>
  b.count - a.count || String(a.value).localeCompare(String(b.value));

/**
 * Counts the view's functions every way the Insights page shows them, in one read of the narrow
 * `fleet_facet` rows under every filter of the view (no facet ignores its own filter here: an
 * insight counts what the table shows), plus the view's change events per day.
 * @example const insights = await fleetInsights(sql, { regions: ['cn-hangzhou'], has: ['gpu'] }, new Date());
 */
export async function fleetInsights(
  sql: SqlClient,
  filters: IndexFilters,
  now: Date,
): Promise<FleetInsights> {
  const params: SqlValue[] = [];
  const p: Param = (value) => `$${params.push(value)}`;
  const clauses = facetClauses(await withoutWholeFleetFilters(sql, filters), p).map(whereOf);
  const { rows } = await sql.query<Row>(
    `select grouping(${COLUMNS.join(', ')}) as gid, ${COLUMNS.join(', ')}, count(*)::integer as n,
       coalesce(sum(memory_size), 0)::float8 as memory,
       -- vCPU is stored as real; each value to its 0.05 steps, summed exactly.
       coalesce(sum(round(cpu::numeric, 2)), 0)::float8 as vcpu,
       coalesce(sum(gpu_memory), 0)::float8 as gpu_memory
     from fleet_facet c ${clauses.length ? `where ${clauses.join(' and ')}` : ''}
     group by grouping sets (${Object.values(SETS)
       .map((columns) => `(${columns.join(', ')})`)
       .join(', ')})`,
    params,
  );
  const codes = new Set<number>();
  for (const row of rows)
    for (const column of CODED) if (typeof row[column] === 'number') codes.add(row[column] as number);
  const terms = new Map<number, string>();
  if (codes.size > 0) {
    const { rows: found } = await sql.query<{ code: number; value: string }>(
      'select code, value from fleet_term where code = any($1::integer[])',
      [[...codes]],
    );
    for (const t of found) terms.set(t.code, t.value);
  }
  const value = (row: Row, column: Column) =>
    typeof row[column] === 'number' ? (terms.get(row[column] as number) ?? null) : null;
  const of = (set: SetName) => rows.filter((row) => SET_OF_GID.get(row.gid) === set);
  const counts = (set: SetName, column: Column) =>
    of(set)
      .map((row) => ({ value: value(row, column), count: row.n }))
      .sort(byCount);
  const placed = (set: SetName, column: Column) =>
    counts(set, column).flatMap((c) => (c.value === null ? [] : [{ value: c.value, count: c.count }]));

  const byRuntime = counts('runtime', 'runtime');
  const statuses = new Map<Lifecycle, number>(LIFECYCLE_STATUSES.map((s) => [s, 0]));
  for (const { value: runtime, count } of byRuntime) {
    const status = lifecycleOf(runtime, now).status;
    statuses.set(status, (statuses.get(status) ?? 0) + count);
  }
  const whole = of('view')[0];
  const network = { internet: 0, internetWithoutVpc: 0, withoutVpc: 0, nas: 0, oss: 0 };
  const vpc = featureMask(['vpc']) ?? 0;
  for (const row of of('features')) {
    const mask = Number(row.features);
    const inVpc = (mask & vpc) !== 0;
    if (row.internet) network.internet += row.n;
    if (row.internet && !inVpc) network.internetWithoutVpc += row.n;
    if (!inVpc) network.withoutVpc += row.n;
    if (mask & (1 << FEATURES.indexOf('nas'))) network.nas += row.n;
    if (mask & (1 << FEATURES.indexOf('oss'))) network.oss += row.n;
  }
  return {
    total: whole?.n ?? 0,
    at: now.toISOString(),
    byRuntime,
    byLifecycle: LIFECYCLE_STATUSES.map((status) => ({ value: status, count: statuses.get(status) ?? 0 })),
    byRegion: placed('region', 'region'),
    byAccount: placed('account', 'account'),
    byTag: { env: counts('env', 'env'), team: counts('team', 'team') },
    byMemory: of('memory')
      .map((row) => ({ value: row.memory_size as number | null, count: row.n }))
      .sort((a, b) => (a.value ?? -1) - (b.value ?? -1)),
    gpu: of('gpu')
      .filter((row) => row.gpu_type !== null)
      .map((row) => {
        const gpuType = value(row, 'gpu_type') ?? '';
        const card = gpuCard(gpuType);
        return {
          gpuType,
          region: value(row, 'region') ?? '',
          ...(card ? { card: card.card, cardMemoryMb: card.memoryGb * 1024 } : {}),
          functions: row.n,
          gpuMemoryMb: row.gpu_memory,
        };
      })
      .sort((a, b) => a.gpuType.localeCompare(b.gpuType) || a.region.localeCompare(b.region)),
    resources: { memoryMb: whole?.memory ?? 0, vcpu: whole?.vcpu ?? 0, gpuMemoryMb: whole?.gpu_memory ?? 0 },
    network,
    byAcceleration: placed('acceleration', 'acceleration'),
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
