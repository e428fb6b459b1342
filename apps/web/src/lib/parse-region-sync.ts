import type { RegionSync, SyncState } from '@fc-fleet/fleet-contract';
import { count, expectRecord, flag, isoTime, listOf, oneOf, optional, text } from './parse-fields.ts';

const STATES: readonly SyncState[] = ['pending', 'syncing', 'ready', 'failed'];

/** Parses one region's freshness (`RegionSync`). */
export function parseRegionSync(value: unknown, what = 'region'): RegionSync {
  const r = expectRecord(value, what);
  const lastError = optional(r.lastError, `${what}.lastError`, (v, w) => {
    const e = expectRecord(v, w);
    return { code: text(e.code, `${w}.code`), message: text(e.message, `${w}.message`) };
  });
  const syncedAt = optional(r.syncedAt, `${what}.syncedAt`, isoTime);
  const passStartedAt = optional(r.passStartedAt, `${what}.passStartedAt`, isoTime);
  return {
    account: text(r.account, `${what}.account`),
    region: text(r.region, `${what}.region`),
    state: oneOf(r.state, STATES, `${what}.state`),
    ...(syncedAt === undefined ? {} : { syncedAt }),
    ...(passStartedAt === undefined ? {} : { passStartedAt }),
    functions: count(r.functions, `${what}.functions`),
    seen: count(r.seen, `${what}.seen`),
    ...(lastError === undefined ? {} : { lastError }),
    stale: flag(r.stale, `${what}.stale`),
  };
}

/** Parses a list of `RegionSync`, naming a bad item by its place (`regions[1].state`). */
export function parseRegionSyncs(value: unknown, what = 'regions'): RegionSync[] {
  return listOf(value, what, parseRegionSync);
}
