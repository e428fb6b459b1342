import {
  type ChangesDay,
  type GpuInsight,
  type InsightCount,
  type InsightsAnswer,
  LIFECYCLE_STATUSES,
} from '@fc-fleet/fleet-contract';
import { count, expectRecord, isoTime, listOf, oneOf, optional, text } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';

type Parse<T> = (value: unknown, what: string) => T;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Throws unless the value is a finite number of zero or more (vCPU are fractions: 0.35). */
function amount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${what} is not an amount`);
  return value;
}

/** `null`, or what `parse` reads. */
const nullable =
  <T>(parse: Parse<T>): Parse<T | null> =>
  (value, what) =>
    value === null ? null : parse(value, what);

/** A `{ value, count }`, its value read by `parse`. */
const insightCount =
  <V>(parse: Parse<V>): Parse<InsightCount<V>> =>
  (item, what) => {
    const r = expectRecord(item, what);
    return { value: parse(r.value, `${what}.value`), count: count(r.count, `${what}.count`) };
  };

/** A list of `{ value, count }`. */
const counts =
  <V>(parse: Parse<V>): Parse<InsightCount<V>[]> =>
  (value, what) =>
    listOf(value, what, insightCount(parse));

function day(value: unknown, what: string): string {
  const d = text(value, what);
  if (!DAY.test(d) || Number.isNaN(Date.parse(d))) throw new Error(`${what} is not a day (YYYY-MM-DD)`);
  return d;
}

function parseGpu(value: unknown, what: string): GpuInsight {
  const g = expectRecord(value, what);
  const card = optional(g.card, `${what}.card`, text);
  const cardMemoryMb = optional(g.cardMemoryMb, `${what}.cardMemoryMb`, count);
  return {
    gpuType: text(g.gpuType, `${what}.gpuType`),
    region: text(g.region, `${what}.region`),
    ...(card === undefined ? {} : { card }),
    ...(cardMemoryMb === undefined ? {} : { cardMemoryMb }),
    functions: count(g.functions, `${what}.functions`),
    gpuMemoryMb: count(g.gpuMemoryMb, `${what}.gpuMemoryMb`),
  };
}

function parseDay(value: unknown, what: string): ChangesDay {
  const d = expectRecord(value, what);
  return {
    day: day(d.day, `${what}.day`),
    created: count(d.created, `${what}.created`),
    modified: count(d.modified, `${what}.modified`),
    deleted: count(d.deleted, `${what}.deleted`),
  };
}

/**
 * Parses `GET /api/insights`: every part the contract names must be there with the right shape
 * (counts are whole numbers of zero or more, lifecycle values the contract's, days `YYYY-MM-DD`).
 * @example const answer = await getJson('api/insights', parseInsights, { params });
 */
export function parseInsights(body: unknown): InsightsAnswer {
  const a = expectRecord(body, 'insights');
  const tags = expectRecord(a.byTag, 'byTag');
  const resources = expectRecord(a.resources, 'resources');
  const network = expectRecord(a.network, 'network');
  const net = (name: keyof InsightsAnswer['network']) => count(network[name], `network.${name}`);
  return {
    total: count(a.total, 'total'),
    at: isoTime(a.at, 'at'),
    byRuntime: counts(nullable(text))(a.byRuntime, 'byRuntime'),
    byLifecycle: counts((v, w) => oneOf(v, LIFECYCLE_STATUSES, w))(a.byLifecycle, 'byLifecycle'),
    byRegion: counts(text)(a.byRegion, 'byRegion'),
    // Each account with the view's regions it has: its link lists those.
    byAccount: listOf(a.byAccount, 'byAccount', (item, w) => ({
      ...insightCount(text)(item, w),
      regions: listOf(expectRecord(item, w).regions, `${w}.regions`, text),
    })),
    byTag: {
      env: counts(nullable(text))(tags.env, 'byTag.env'),
      team: counts(nullable(text))(tags.team, 'byTag.team'),
    },
    byMemory: counts(nullable(count))(a.byMemory, 'byMemory'),
    gpu: listOf(a.gpu, 'gpu', parseGpu),
    resources: {
      memoryMb: amount(resources.memoryMb, 'resources.memoryMb'),
      vcpu: amount(resources.vcpu, 'resources.vcpu'),
      gpuMemoryMb: amount(resources.gpuMemoryMb, 'resources.gpuMemoryMb'),
    },
    network: {
      internet: net('internet'),
      internetWithoutVpc: net('internetWithoutVpc'),
      withoutVpc: net('withoutVpc'),
      nas: net('nas'),
      oss: net('oss'),
    },
    byAcceleration: counts(text)(a.byAcceleration, 'byAcceleration'),
    changesPerDay: listOf(a.changesPerDay, 'changesPerDay', parseDay),
    regions: parseRegionSyncs(a.regions),
  };
}
