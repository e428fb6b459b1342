import type { ViewState } from '../../../lib/view-state.ts';
import type { RegionSync } from '../api/types.ts';
import { useViewSync } from '../hooks/use-view-sync.ts';
import type { RegionKey } from '../hooks/view-scope.ts';
import { ViewStatus } from './view-status.tsx';

/** The view's size, freshness and Refresh, wired to the sync state of its regions. */
export function ViewFreshness({
  view,
  scope,
  list,
  total,
}: {
  view: ViewState;
  scope: readonly RegionKey[];
  /** The regions the list's last page reported, and when it arrived. */
  list: { regions: readonly RegionSync[] | undefined; at: number };
  total?: number;
}) {
  const sync = useViewSync(view, list);
  return (
    <ViewStatus
      total={total}
      regions={sync.regions}
      staleAfterMs={sync.staleAfterMs}
      showAccount={new Set(scope.map((r) => r.account)).size > 1}
      refreshing={sync.refreshing}
      refresh={sync.refresh}
      refreshError={sync.refreshError}
    />
  );
}
