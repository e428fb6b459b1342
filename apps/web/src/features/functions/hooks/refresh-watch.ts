import type { RefreshAnswer, RegionSync } from '../api/types.ts';
import { regionKey } from './view-scope.ts';

/** A refresh waited for: when it was asked, and how each region it asked for stood then. */
export interface RefreshWatch {
  since: number;
  baseline: Map<string, { state: RegionSync['state']; passStartedAt?: string }>;
}

/** How long a refresh is waited for before the UI stops saying "refreshing" (the data says the rest). */
export const REFRESH_PATIENCE_MS = 120_000;

/** Starts watching the regions a refresh asked for, from the state its answer reported. */
export function watchRefresh(answer: RefreshAnswer, now: number): RefreshWatch {
  const baseline: RefreshWatch['baseline'] = new Map();
  for (const asked of answer.requested) {
    const state = answer.regions.find((r) => r.account === asked.account && r.region === asked.region);
    baseline.set(regionKey(asked), { state: state?.state ?? 'pending', passStartedAt: state?.passStartedAt });
  }
  return { since: now, baseline };
}

/**
 * True when every region the refresh asked for has finished a pass since: it is no longer syncing,
 * and its pass started after the refresh (or was the one already running when it was asked).
 */
export function refreshSettled(watch: RefreshWatch, regions: readonly RegionSync[], now: number): boolean {
  if (now - watch.since > REFRESH_PATIENCE_MS) return true;
  for (const [key, before] of watch.baseline) {
    const region = regions.find((r) => regionKey(r) === key);
    if (!region) continue;
    if (region.state === 'syncing' || region.state === 'pending') return false;
    const newPass = region.passStartedAt !== before.passStartedAt;
    if (!newPass && before.state !== 'syncing' && before.state !== 'pending') return false;
  }
  return true;
}
