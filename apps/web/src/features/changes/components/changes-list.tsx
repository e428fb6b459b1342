import type { ViewState } from '../../../lib/view-state.ts';
import type { ChangesList as List } from '../hooks/use-changes-list.ts';
import { ChangesEmpty, ChangesError, ChangesFooter, ChangesSkeleton } from './changes-states.tsx';
import { ChangesTimeline } from './changes-timeline.tsx';

/** What the history looks like right now: its error, the skeleton, "no changes", or the timeline. */
export function ChangesList({
  list,
  view,
  go,
  filtered,
  clearAll,
}: {
  list: List;
  view: ViewState;
  go: (view: ViewState) => void;
  filtered: boolean;
  clearAll: () => void;
}) {
  if (list.firstError) return <ChangesError error={list.firstError} retry={list.retry} />;
  if (list.pending) return <ChangesSkeleton />;
  if (list.events.length === 0) return <ChangesEmpty filtered={filtered} clear={clearAll} />;
  return (
    <ChangesTimeline
      events={list.events}
      from={view}
      go={go}
      canLoadMore={list.canLoadMore}
      loadMore={list.loadMore}
      footer={<ChangesFooter list={list} />}
    />
  );
}
