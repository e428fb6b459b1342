import { formatAbsolute, formatAge, formatClock, formatCount } from '../../../lib/format.ts';
import type { RegionSync } from '../api/types.ts';

/** One line about one region: a failure, stale data, or a first pass under way (`progress`). */
export interface FreshnessNote {
  key: string;
  tone: 'error' | 'warn' | 'progress';
  text: string;
}

/** What the view can say about how fresh its rows are. */
export interface Freshness {
  /** `synced 40 s ago`, from the oldest completed pass among the view's regions. */
  summary: string;
  /** The exact time of each region's last pass, for the tooltip. */
  detail: string;
  notes: FreshnessNote[];
  /** How far the passes of regions that have data already have got, while they run. */
  progress?: string;
  /** Some region of the view is syncing right now. */
  syncing: boolean;
}

const age = (iso: string | undefined, now: number) => (iso ? formatAge(now - Date.parse(iso)) : 'just now');

function noteFor(r: RegionSync, name: string, now: number, staleAfterMs: number): FreshnessNote | undefined {
  const key = `${r.account}/${r.region}`;
  const data = r.syncedAt ? `showing data from ${formatClock(r.syncedAt, now)}` : 'no data yet';
  if (r.state === 'failed') {
    // The cloud's messages end in a full stop; the sentence goes on after them.
    const cause = r.lastError ? ` — ${r.lastError.code}: ${r.lastError.message.replace(/\.\s*$/, '')}` : '';
    return {
      key,
      tone: 'error',
      text: `${name}: last sync failed ${age(r.passStartedAt, now)}${cause}; ${data}`,
    };
  }
  if (!r.syncedAt) {
    const text =
      r.state === 'syncing'
        ? `${name}: first sync in progress, ${formatCount(r.seen)} functions so far`
        : `${name}: waiting for its first sync; no functions listed yet`;
    return { key, tone: 'progress', text };
  }
  if (r.stale || now - Date.parse(r.syncedAt) > staleAfterMs) {
    const running = r.state === 'syncing' ? 'a sync is running' : 'syncing is behind';
    return {
      key,
      tone: 'warn',
      text: `${name}: data is stale (last synced ${age(r.syncedAt, now)}); ${running}`,
    };
  }
  return undefined;
}

/** `syncing cn-hangzhou: 200 of 1,500 checked`, or the sum over several regions passing again. */
function progressOf(regions: readonly RegionSync[], name: (r: RegionSync) => string): string | undefined {
  const again = regions.filter((r) => r.state === 'syncing' && r.syncedAt);
  if (again.length === 0) return undefined;
  const seen = again.reduce((sum, r) => sum + r.seen, 0);
  const of = again.reduce((sum, r) => sum + r.functions, 0);
  const which = again.length === 1 && again[0] ? name(again[0]) : `${again.length} regions`;
  return `syncing ${which}: ${formatCount(seen)} of ${formatCount(of)} checked`;
}

/**
 * Describes the freshness of a view's regions: the age of the oldest data, a note for each region
 * that failed, is stale or is in its first pass (saying how far it has got), and the progress of
 * the passes that refresh regions which have data already.
 * @example describeFreshness(regions, Date.now(), 900_000).summary // 'synced 40 s ago'
 */
export function describeFreshness(
  regions: readonly RegionSync[],
  now: number,
  staleAfterMs: number,
  showAccount = false,
): Freshness {
  const synced = regions.flatMap((r) => (r.syncedAt ? [r.syncedAt] : []));
  const oldest = synced.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const name = (r: RegionSync) => (showAccount ? `${r.account}/${r.region}` : r.region);
  return {
    summary: oldest ? `synced ${age(oldest, now)}` : regions.length ? 'not synced yet' : '',
    detail: regions
      .map((r) => `${name(r)}: ${r.syncedAt ? `last synced ${formatAbsolute(r.syncedAt)}` : 'never synced'}`)
      .join('\n'),
    notes: regions.flatMap((r) => noteFor(r, name(r), now, staleAfterMs) ?? []),
    progress: progressOf(regions, name),
    syncing: regions.some((r) => r.state === 'syncing'),
  };
}
