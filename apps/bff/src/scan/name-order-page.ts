import type { FunctionView } from '@fc-fleet/fleet-contract';
import type { CursorState, RegionFailure, RegionPosition } from '../cursor/cursor-codec.ts';
import type { FleetSource, NativeFilters } from '../upstream/fleet-source.ts';
import { type RegionScan, type ScanBudget, scanRegion, tokenFor } from './scan-region.ts';

/** A function in a merged list, with where it lives. */
export interface FleetItem {
  account: string;
  region: string;
  function: FunctionView;
}

/** One page of a merged scan and the state to continue from. */
export interface ScanPage {
  items: FleetItem[];
  next?: CursorState;
  scanned: number;
  complete: boolean;
  failures: RegionFailure[];
  /** Set when every region asked for failed in this request: there is nothing to show. */
  allFailed?: RegionFailure & { httpStatus?: number; retryAfterMs?: number };
}

type Key = { name: string; idx: number };
const INFINITY: Key = { name: '\uffff\uffff', idx: Number.MAX_SAFE_INTEGER };
const cmp = (a: Key, b: Key) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.idx - b.idx);

/**
 * One page in name order, merged across regions. Each region is scanned from its own position;
 * only rows up to the smallest frontier of the regions still going are safe to emit, so the
 * merged order stays exact even when a region's scan stops early on its budget.
 */
export async function nameOrderPage(args: {
  source: FleetSource;
  account: string;
  regions: readonly string[];
  native: NativeFilters;
  predicate?: (fn: FunctionView) => boolean;
  state?: Extract<CursorState, { m: 'n' }>;
  limit: number;
  budget: ScanBudget;
}): Promise<ScanPage> {
  const positions = args.state?.r ?? {};
  const failures = [...(args.state?.f ?? [])];
  const failed = new Set(failures.map((f) => f.region));
  const active = args.regions.filter((r) => positions[r] !== 'done' && !failed.has(r));
  const scans = new Map<string, RegionScan>();
  await Promise.all(
    active.map(async (region) => {
      const from = positions[region];
      const scan = await scanRegion({
        ...args,
        region,
        from: from && from !== 'done' ? from : {},
        want: args.limit,
      });
      scans.set(region, scan);
    }),
  );
  let allFailed: ScanPage['allFailed'];
  for (const [region, scan] of scans) {
    if (!scan.error) continue;
    failures.push({ region, code: scan.error.code, message: scan.error.message.slice(0, 500) });
    allFailed ??= {
      region,
      code: scan.error.code,
      message: scan.error.message,
      httpStatus: scan.error.httpStatus,
      retryAfterMs: scan.error.retryAfterMs,
    };
    scans.delete(region);
  }
  if (active.length > 0 && scans.size === 0)
    return { items: [], scanned: 0, complete: false, failures, allFailed };

  const idx = (region: string) => args.regions.indexOf(region);
  let bound = INFINITY;
  for (const [region, scan] of scans) {
    if (scan.exhausted) continue;
    const from = positions[region];
    const frontier: Key =
      scan.frontier !== undefined
        ? { name: scan.frontier, idx: idx(region) }
        : { name: from && from !== 'done' ? (from.a ?? '') : '', idx: -1 };
    if (cmp(frontier, bound) < 0) bound = frontier;
  }
  const candidates: (Key & { item: FleetItem })[] = [];
  for (const [region, scan] of scans) {
    for (const fn of scan.matches) {
      const key = { name: fn.functionName, idx: idx(region) };
      if (cmp(key, bound) <= 0)
        candidates.push({ ...key, item: { account: args.account, region, function: fn } });
    }
  }
  candidates.sort(cmp);
  const taken = candidates.slice(0, args.limit);
  const lastTaken = taken[taken.length - 1];
  const upTo: Key = taken.length === args.limit && lastTaken ? lastTaken : bound;
  const scanned = [...scans.values()].reduce((sum, s) => sum + s.scanned, 0);
  const complete = taken.length === args.limit || bound === INFINITY;

  const next: Record<string, RegionPosition | 'done'> = {};
  let more = false;
  for (const region of args.regions) {
    const scan = scans.get(region);
    const previous = positions[region];
    if (failed.has(region) || (!scan && previous !== 'done' && failures.some((f) => f.region === region)))
      continue;
    if (!scan) {
      next[region] = previous ?? 'done';
      continue;
    }
    const rest = scan.matches.some((fn) => cmp({ name: fn.functionName, idx: idx(region) }, upTo) > 0);
    if (upTo === INFINITY || (scan.exhausted && !rest)) {
      next[region] = 'done';
      continue;
    }
    const from = previous && previous !== 'done' ? previous : {};
    next[region] = {
      t: tokenFor(scan, upTo.name, from),
      a: upTo.name,
      ...(idx(region) <= upTo.idx ? { s: 1 as const } : {}),
    };
    more = true;
  }
  const state: CursorState = { m: 'n', r: next, ...(failures.length ? { f: failures } : {}) };
  return { items: taken.map((c) => c.item), next: more ? state : undefined, scanned, complete, failures };
}
