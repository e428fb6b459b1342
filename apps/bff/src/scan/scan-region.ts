import type { FcError } from '@fc-fleet/fc-api';
import type { FunctionView } from '@fc-fleet/fleet-contract';
import type { RegionPosition } from '../cursor/cursor-codec.ts';
import type { FleetSource, NativeFilters } from '../upstream/fleet-source.ts';

/** Upstream pages one request may read, shared by the regions it scans. */
export interface ScanBudget {
  pagesLeft: number;
  deadline: number;
  now: () => number;
}

/** A page the scan read: the token that fetched it, the token after it, and its last name. */
export interface VisitedPage {
  token?: string;
  next?: string;
  last?: string;
}

/** What scanning one region produced. */
export interface RegionScan {
  matches: FunctionView[];
  scanned: number;
  exhausted: boolean;
  /** Last name examined; undefined when nothing was. */
  frontier?: string;
  pages: VisitedPage[];
  error?: FcError;
}

/** Whether a name is at or before a position (and so already consumed). */
export function consumed(name: string, from: RegionPosition): boolean {
  if (from.a === undefined) return false;
  return name < from.a || (from.s === 1 && name === from.a);
}

/**
 * Reads one region's upstream pages from a position until `want` functions match, the region
 * ends, or the budget runs out (always at least one page, so every request makes progress).
 */
export async function scanRegion(args: {
  source: FleetSource;
  account: string;
  region: string;
  native: NativeFilters;
  predicate?: (fn: FunctionView) => boolean;
  from: RegionPosition;
  want: number;
  budget: ScanBudget;
}): Promise<RegionScan> {
  const { source, budget, from } = args;
  const result: RegionScan = { matches: [], scanned: 0, exhausted: false, pages: [] };
  let token = from.t;
  const seen = new Set<string>();
  for (;;) {
    if (result.pages.length > 0 && (budget.pagesLeft <= 0 || budget.now() > budget.deadline)) return result;
    budget.pagesLeft--;
    const page = await source.page(args.account, args.region, args.native, token);
    if (!page.ok) return { ...result, error: page.error };
    const { functions, nextToken } = page.value;
    result.pages.push({ token, next: nextToken, last: functions[functions.length - 1]?.functionName });
    for (const [i, fn] of functions.entries()) {
      if (consumed(fn.functionName, from)) continue;
      result.scanned++;
      result.frontier = fn.functionName;
      if (args.predicate && !args.predicate(fn)) continue;
      result.matches.push(fn);
      if (result.matches.length >= args.want) {
        // A full page: whatever follows in this upstream page is for the next request. When nothing
        // follows, say so, or the caller would hand out a cursor to an empty last page.
        result.exhausted = i === functions.length - 1 && !nextToken;
        return result;
      }
    }
    if (!nextToken || seen.has(nextToken)) {
      result.exhausted = true;
      return result;
    }
    seen.add(nextToken);
    token = nextToken;
  }
}

/** The upstream token from which to resume after `name`: the first visited page that reaches it. */
export function tokenFor(scan: RegionScan, name: string, fallback: RegionPosition): string | undefined {
  for (const page of scan.pages) if (page.last !== undefined && page.last >= name) return page.token;
  const last = scan.pages[scan.pages.length - 1];
  return last ? last.next : fallback.t;
}
