import {
  type InsightCount,
  type InsightPick,
  type InsightsAnswer,
  LIFECYCLE_LABELS,
  type Lifecycle,
  lifecycleOf,
  withLifecycle,
} from '@fc-fleet/fleet-contract';
import { formatCount, formatMemory } from '../../../lib/format.ts';

/** One element of a chart: a bar, a slice, a number; what it counts and which table lists those functions. */
export interface InsightDatum {
  key: string;
  label: string;
  count: number;
  /** The narrowing that lists exactly these functions; none when no filter can say it (no runtime, no memory size). */
  pick?: InsightPick;
  /** The runtime's or the slice's lifecycle status, for its colour, pattern and words. */
  status?: Lifecycle;
}

/**
 * An element that counts no function links nowhere: there is nothing to list, and a pick that
 * contradicts the view (`lifecycle=eol` under a view of `lifecycle=deprecated`, internet access
 * under `internetAccess=false`) would replace the view's filter and list other functions.
 */
export const linkable = (data: InsightDatum[]): InsightDatum[] =>
  data.map(({ pick, ...d }) => (d.count > 0 && pick ? { ...d, pick } : d));

/** `nodejs8: 41 functions`: the accessible name of an element's link. */
export const datumName = (d: Pick<InsightDatum, 'label' | 'count'>) =>
  `${d.label}: ${formatCount(d.count)} function${d.count === 1 ? '' : 's'}`;

/** Runtimes, each with its status on the day the answer was counted (`nodejs8 · deprecated`). */
export function runtimeData(answer: InsightsAnswer): InsightDatum[] {
  const at = new Date(answer.at);
  return answer.byRuntime.map(({ value, count }) => {
    const status = lifecycleOf(value, at).status;
    return {
      key: value ?? '',
      label: withLifecycle(value ?? 'no runtime', status),
      count,
      status,
      ...(value === null ? {} : { pick: { kind: 'runtime', runtime: value } as const }),
    };
  });
}

/** The three statuses, worst first. */
export const lifecycleData = (answer: InsightsAnswer): InsightDatum[] =>
  answer.byLifecycle.map(({ value, count }) => ({
    key: value,
    label: LIFECYCLE_LABELS[value],
    count,
    status: value,
    pick: { kind: 'lifecycle', lifecycle: value },
  }));

export const regionData = (answer: InsightsAnswer): InsightDatum[] =>
  answer.byRegion.map(({ value, count }) => ({
    key: value,
    label: value,
    count,
    pick: { kind: 'region', region: value },
  }));

/** Accounts; an account's link keeps to the view's regions it has. */
export const accountData = (answer: InsightsAnswer): InsightDatum[] =>
  answer.byAccount.map(({ value, count, regions }) => ({
    key: value,
    label: value,
    count,
    pick: { kind: 'account', account: value, regions },
  }));

/** By one tag key; `null` is "no env tag" and links to `tags=!env`. */
export const tagData = (answer: InsightsAnswer, key: 'env' | 'team'): InsightDatum[] =>
  answer.byTag[key].map(({ value, count }: InsightCount<string | null>) => ({
    key: value ?? '',
    label: value === null ? `no ${key} tag` : value,
    count,
    pick: { kind: 'tag', key, value },
  }));

/** Memory sizes, smallest first; functions that do not say have no filter to list them. */
export const memoryData = (answer: InsightsAnswer): InsightDatum[] =>
  [...answer.byMemory]
    .sort((a, b) => (a.value ?? Number.POSITIVE_INFINITY) - (b.value ?? Number.POSITIVE_INFINITY))
    .map(({ value, count }) => ({
      key: String(value),
      label: value === null ? 'not set' : formatMemory(value),
      count,
      ...(value === null ? {} : { pick: { kind: 'memory', memorySize: value } as const }),
    }));

export const accelerationData = (answer: InsightsAnswer): InsightDatum[] =>
  answer.byAcceleration.map(({ value, count }) => ({
    key: value,
    label: value === 'None' ? 'None (turned off)' : value,
    count,
    pick: { kind: 'acceleration', state: value },
  }));

/** Network and storage: each property and how many functions have it. */
export function networkData(answer: InsightsAnswer): InsightDatum[] {
  const n = answer.network;
  return [
    {
      key: 'internet',
      label: 'Internet access',
      count: n.internet,
      pick: { kind: 'internet', withoutVpc: false },
    },
    {
      key: 'internetWithoutVpc',
      label: 'Internet access, no VPC',
      count: n.internetWithoutVpc,
      pick: { kind: 'internet', withoutVpc: true },
    },
    { key: 'withoutVpc', label: 'No VPC', count: n.withoutVpc, pick: { kind: 'withoutVpc' } },
    { key: 'nas', label: 'NAS mounted', count: n.nas, pick: { kind: 'has', has: 'nas' } },
    { key: 'oss', label: 'OSS mounted', count: n.oss, pick: { kind: 'has', has: 'oss' } },
  ];
}

/** GPU types, most functions first: functions of each type across the view's regions (the card is in the table). */
export function gpuTypeData(answer: InsightsAnswer): InsightDatum[] {
  const byType = new Map<string, number>();
  for (const g of answer.gpu) byType.set(g.gpuType, (byType.get(g.gpuType) ?? 0) + g.functions);
  return [...byType]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([gpuType, count]) => ({ key: gpuType, label: gpuType, count, pick: { kind: 'gpu', gpuType } }));
}
