import type { ChangeKind } from './changes.ts';
import type { RegionSync } from './index-answers.ts';
import {
  FILTER_NAMES,
  type ListFilters,
  parseFilters,
  type TagFilter,
  writeFilters,
} from './list-filters.ts';
import type { Lifecycle } from './runtime-lifecycle.ts';
import type { HasValue } from './vocabulary.ts';

/** A value and how many functions of the view have it. */
export interface InsightCount<V> {
  value: V;
  count: number;
}

/** GPU cards assigned in one region to functions of one GPU type. */
export interface GpuInsight {
  gpuType: string;
  region: string;
  /** The card behind the type, when this version knows it. */
  card?: string;
  /** The card's memory, when known (MB). */
  cardMemoryMb?: number;
  functions: number;
  /** GPU memory the functions ask for, together (MB). */
  gpuMemoryMb: number;
}

/** Events a day (UTC) in the view, by kind. */
export interface ChangesDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  created: number;
  modified: number;
  deleted: number;
}

/** The days of change history `GET /api/insights` counts, today included. */
export const INSIGHT_CHANGE_DAYS = 30;

/**
 * `GET /api/insights`: the shape of the view's functions, counted in the store under the same
 * filters as the table (every filter applies: a chart of runtimes under `runtime=go1` has one bar).
 * Every count is the number of rows the table shows for the view narrowed by the count's
 * {@link InsightPick} (see {@link pickParams}); a count of 0 is shown without a link (under
 * `lifecycle=eol` the other statuses count 0, and their picks would replace the view's filter).
 */
export interface InsightsAnswer {
  /** Functions in the view. */
  total: number;
  /** The instant the lifecycle was judged at (ISO 8601). */
  at: string;
  byRuntime: InsightCount<string | null>[];
  /** All three statuses, worst first, zeros included. */
  byLifecycle: InsightCount<Lifecycle>[];
  byRegion: InsightCount<string>[];
  /** With the view's regions the account has (an account's link shows those only). */
  byAccount: (InsightCount<string> & { regions: string[] })[];
  /** By the `env` and `team` tags; `null` counts the functions without that tag. */
  byTag: { env: InsightCount<string | null>[]; team: InsightCount<string | null>[] };
  /** By memory size (MB); `null`: functions that do not say. */
  byMemory: InsightCount<number | null>[];
  gpu: GpuInsight[];
  /** Allocated to the view's functions, together. */
  resources: { memoryMb: number; vcpu: number; gpuMemoryMb: number };
  /** Network and storage: functions with each property. */
  network: { internet: number; internetWithoutVpc: number; withoutVpc: number; nas: number; oss: number };
  /** Container functions by image acceleration (`None`: turned off; else the state FC reports). */
  byAcceleration: InsightCount<string>[];
  /** The last {@link INSIGHT_CHANGE_DAYS} days, oldest first, of the view's functions (deleted ones by place only). */
  changesPerDay: ChangesDay[];
  regions: RegionSync[];
}

/**
 * What one number of the insights stands for, as a narrowing of the view. A pick sets its own
 * filter and keeps the view's others (a runtime pick replaces the view's runtime; a tag pick
 * replaces the view's filter on that tag key; feature picks add to the view's lists).
 */
export type InsightPick =
  | { kind: 'view' }
  | { kind: 'runtime'; runtime: string }
  | { kind: 'lifecycle'; lifecycle: Lifecycle }
  | { kind: 'region'; region: string }
  /** `regions`: the view's regions the account has (from `byAccount`); absent, the view's are kept. */
  | { kind: 'account'; account: string; regions?: readonly string[] }
  | { kind: 'tag'; key: 'env' | 'team'; value: string | null }
  | { kind: 'memory'; memorySize: number }
  | { kind: 'gpu'; gpuType: string; region?: string }
  | { kind: 'has'; has: HasValue }
  | { kind: 'internet'; withoutVpc: boolean }
  | { kind: 'withoutVpc' }
  | { kind: 'acceleration'; state: string };

const withList = (list: HasValue[] | undefined, value: HasValue) => [...new Set([...(list ?? []), value])];

function pickFilters(filters: ListFilters, pick: InsightPick): ListFilters {
  switch (pick.kind) {
    case 'view':
    case 'region':
    case 'account':
      return filters;
    case 'runtime':
      return { ...filters, runtime: pick.runtime };
    case 'lifecycle':
      return { ...filters, lifecycle: pick.lifecycle };
    case 'tag': {
      const others = (filters.tags ?? []).filter((t) => t.Key !== pick.key);
      const own: TagFilter =
        pick.value === null ? { Key: pick.key, Absent: true } : { Key: pick.key, Value: pick.value };
      return { ...filters, tags: [...others, own] };
    }
    case 'memory':
      return { ...filters, memoryMin: pick.memorySize, memoryMax: pick.memorySize };
    case 'gpu':
      return { ...filters, gpuType: pick.gpuType };
    case 'has':
      return { ...filters, has: withList(filters.has, pick.has) };
    case 'internet':
      return {
        ...filters,
        internetAccess: true,
        ...(pick.withoutVpc ? { lacks: withList(filters.lacks, 'vpc') } : {}),
      };
    case 'withoutVpc':
      return { ...filters, lacks: withList(filters.lacks, 'vpc') };
    case 'acceleration':
      return { ...filters, acceleration: pick.state };
  }
}

/**
 * The URL parameters of the table that shows exactly the functions a pick counts: the view's
 * parameters (`account`, `region`, the filters, and any other such as `sort` or `theme`) with the
 * pick's narrowing. The SPA builds every chart link with it, and the tests check each count
 * against the rows its link lists.
 * @example pickParams(new URLSearchParams('region=all&has=gpu'), { kind: 'gpu', gpuType: 'fc.gpu.tesla.1', region: 'cn-hangzhou' }).toString()
 * // 'region=cn-hangzhou&gpuType=fc.gpu.tesla.1&has=gpu'
 */
export function pickParams(view: URLSearchParams, pick: InsightPick): URLSearchParams {
  const out = new URLSearchParams(view);
  const { filters } = parseFilters((name) => view.get(name) ?? undefined);
  for (const name of FILTER_NAMES) out.delete(name);
  for (const [name, value] of writeFilters(pickFilters(filters, pick))) out.set(name, value);
  if (pick.kind === 'region' || (pick.kind === 'gpu' && pick.region))
    out.set('region', pick.region as string);
  if (pick.kind === 'account') {
    out.set('account', pick.account);
    if (pick.regions?.length) out.set('region', pick.regions.join(','));
  }
  return out;
}

/** The kinds of events counted per day, in the order the chart stacks them. */
export const CHANGE_DAY_KINDS = ['created', 'modified', 'deleted'] as const satisfies readonly ChangeKind[];
