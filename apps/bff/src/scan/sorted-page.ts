import type { FunctionView } from '@fc-fleet/fleet-contract';
import type { CursorState, RegionFailure } from '../cursor/cursor-codec.ts';
import { compareValues, type SortSpec, sortValue } from '../query/sort-spec.ts';
import type { FleetSource, NativeFilters } from '../upstream/fleet-source.ts';
import type { TtlLruCache } from '../upstream/ttl-lru-cache.ts';
import { collectRegion } from './collect-region.ts';
import type { FleetItem, ScanPage } from './name-order-page.ts';

/** A filtered, sorted view of whole regions, cached briefly per query. */
export interface SortedView {
  rows: { value: string | number | undefined; name: string; idx: number; item: FleetItem }[];
  failures: (RegionFailure & { httpStatus?: number; retryAfterMs?: number })[];
  scanned: number;
}

type Row = SortedView['rows'][number];

function compareRows(
  a: Pick<Row, 'value' | 'name' | 'idx'>,
  b: Pick<Row, 'value' | 'name' | 'idx'>,
  sort: SortSpec,
): number {
  return (
    compareValues(a.value, b.value, sort.dir) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.idx - b.idx)
  );
}

/** Builds the whole filtered set of the regions, sorted; regions that fail are left out and reported. */
export async function buildSortedView(args: {
  source: FleetSource;
  account: string;
  regions: readonly string[];
  native: NativeFilters;
  predicate?: (fn: FunctionView) => boolean;
  sort: SortSpec;
}): Promise<SortedView> {
  const view: SortedView = { rows: [], failures: [], scanned: 0 };
  const results = await Promise.all(
    args.regions.map((region) => collectRegion(args.source, args.account, region, args.native)),
  );
  results.forEach((result, idx) => {
    const region = args.regions[idx] ?? '';
    if (!result.ok) {
      view.failures.push({
        region,
        code: result.error.code,
        message: result.error.message.slice(0, 500),
        httpStatus: result.error.httpStatus,
        retryAfterMs: result.error.retryAfterMs,
      });
      return;
    }
    view.scanned += result.value.length;
    for (const fn of result.value) {
      if (args.predicate && !args.predicate(fn)) continue;
      view.rows.push({
        value: sortValue(fn, args.sort.field),
        name: fn.functionName,
        idx,
        item: { account: args.account, region, function: fn },
      });
    }
  });
  view.rows.sort((a, b) => compareRows(a, b, args.sort));
  return view;
}

/**
 * One page of a sorted view after a position (the sort key of the last row shown), so rows
 * added or removed meanwhile shift nothing that is still to come.
 */
export async function sortedPage(args: {
  views: TtlLruCache<SortedView>;
  viewKey: string;
  build: () => Promise<SortedView>;
  sort: SortSpec;
  state?: Extract<CursorState, { m: 's' }>;
  limit: number;
}): Promise<ScanPage> {
  const view = await args.views.get(args.viewKey, args.build);
  if (view.rows.length === 0 && view.failures.length > 0 && view.scanned === 0) {
    return { items: [], scanned: 0, complete: false, failures: view.failures, allFailed: view.failures[0] };
  }
  let start = 0;
  if (args.state) {
    const [value, name, idx] = args.state.v;
    const after = { value: value ?? undefined, name, idx };
    let lo = 0;
    let hi = view.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const row = view.rows[mid];
      if (row && compareRows(row, after, args.sort) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const rows = view.rows.slice(start, start + args.limit);
  const last = rows[rows.length - 1];
  const failures = view.failures.map(({ region, code, message }) => ({ region, code, message }));
  const more = start + args.limit < view.rows.length && last;
  const next: CursorState | undefined = more
    ? { m: 's', v: [last.value ?? null, last.name, last.idx], ...(failures.length ? { f: failures } : {}) }
    : undefined;
  return { items: rows.map((r) => r.item), next, scanned: view.scanned, complete: true, failures };
}
