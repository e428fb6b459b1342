import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { scopeParams, type ViewState } from '../../../lib/view-state.ts';
import { metaQueryOptions } from '../api/meta-query.ts';
import { useRefreshMutation } from '../api/refresh-mutation.ts';
import type { RegionSync } from '../api/types.ts';
import { type RefreshWatch, refreshSettled, watchRefresh } from './refresh-watch.ts';
import { freshestRegions, regionKey, viewScope } from './view-scope.ts';

/** How often `/api/meta` is asked while a region of the view syncs or a refresh is awaited. */
export const POLL_MS = 2_000;
/** During a first pass, the list is read again this often, so it grows with the index. */
const FIRST_PASS_RELOAD_MS = 10_000;

// What changes when a pass ends (ready or failed), not when one starts: only then is there new data.
const signature = (r: RegionSync) => `${r.syncedAt ?? ''}|${r.state === 'failed'}|${r.lastError?.code ?? ''}`;
const sameScope = (a: ViewState | undefined, b: ViewState) =>
  a !== undefined && scopeParams(a).toString() === scopeParams(b).toString();

/**
 * How fresh the view's regions are, and Refresh. While a region of the view syncs (or a refresh
 * is awaited) `/api/meta` is polled; when a pass ends, the list and facets are fetched again.
 * @example const sync = useViewSync(view, { regions: list.regions, at: list.updatedAt }); sync.refresh();
 */
export function useViewSync(
  view: ViewState,
  list: { regions: readonly RegionSync[] | undefined; at: number },
) {
  const client = useQueryClient();
  const [watch, setWatch] = useState<RefreshWatch>();
  const meta = useQuery(metaQueryOptions);
  const scope = viewScope(view, meta.data?.accounts ?? []);
  const regions = freshestRegions(scope, [list, { regions: meta.data?.sync, at: meta.dataUpdatedAt }]);
  const busy = watch !== undefined || regions.some((r) => r.state === 'syncing' || r.state === 'pending');
  // A second observer of the same query that only polls; it never re-renders this component.
  useQuery({ ...metaQueryOptions, refetchInterval: busy ? POLL_MS : false, notifyOnChangeProps: [] });

  const keys = scope.map(regionKey).join(',');
  const seen = useRef(new Map<string, string>());
  const lastReload = useRef(Date.now());
  const sync = meta.data?.sync;
  const fetchedAt = meta.dataUpdatedAt;
  useEffect(() => {
    if (!sync || !fetchedAt) return;
    const now = Date.now();
    const inScope = sync.filter((r) => keys.split(',').includes(regionKey(r)));
    let reload = false;
    for (const r of inScope) {
      const before = seen.current.get(regionKey(r));
      if (before !== undefined && before !== signature(r)) reload = true;
      seen.current.set(regionKey(r), signature(r));
    }
    // Only an answer asked after the refresh can say its pass has ended.
    if (watch && fetchedAt > watch.since && refreshSettled(watch, inScope, now)) {
      setWatch(undefined);
      reload = true;
    }
    const firstPass = inScope.some((r) => r.state === 'syncing' && !r.syncedAt);
    if (firstPass && now - lastReload.current >= FIRST_PASS_RELOAD_MS) reload = true;
    if (reload) {
      lastReload.current = now;
      void client.invalidateQueries({ queryKey: ['functions'] });
      void client.invalidateQueries({ queryKey: ['facets'] });
      // A pass that ended may have recorded changes: the Changes page and the History tab read them.
      void client.invalidateQueries({ queryKey: ['changes'] });
    }
  }, [sync, fetchedAt, keys, watch, client]);

  const mutation = useRefreshMutation((answer) => {
    setWatch(watchRefresh(answer, Date.now()));
    void client.invalidateQueries({ queryKey: ['meta'] });
  });
  const { mutate } = mutation;
  return {
    regions,
    /** Data older than three sync intervals is stale, as the BFF counts it. */
    staleAfterMs: (meta.data?.syncIntervalSeconds ?? 300) * 3000,
    refreshing: mutation.isPending || watch !== undefined,
    refresh: () => mutate(view),
    /** Why the last refresh of this view's regions was refused (429, 403, …), if it was. */
    refreshError: sameScope(mutation.variables, view) ? mutation.error : null,
  };
}
