import { Button } from '../components/ui/button.tsx';
import { ErrorPanel } from '../components/ui/error-panel.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';

/** Grey bars where rows will be, while the first page loads. */
export function TableSkeleton() {
  return <Skeleton label="Loading functions" rows={12} barClassName="h-8 rounded" testId="table-skeleton" />;
}

/** The first page failed: what, why, the request id, and a way to try again. */
export function ErrorState(props: { code: string; message: string; requestId?: string; retry: () => void }) {
  return <ErrorPanel title="The functions could not be loaded" {...props} />;
}

/** Nothing matched: say so and offer the way out; during a first sync, say that more is coming. */
export function EmptyState({
  filtered,
  clear,
  firstSync = false,
}: {
  filtered: boolean;
  clear: () => void;
  firstSync?: boolean;
}) {
  if (firstSync)
    return (
      <div className="mx-auto my-8 max-w-xl space-y-2 px-4 text-center" data-testid="empty-state">
        <h2 className="text-lg font-semibold">No functions match yet</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The first sync of this view's regions is in progress: functions appear here as it finds them, and
          the note above says how far it has got.
        </p>
      </div>
    );
  return (
    <div className="mx-auto my-8 max-w-xl space-y-2 px-4 text-center" data-testid="empty-state">
      <h2 className="text-lg font-semibold">No functions match</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {filtered
          ? 'Try a shorter prefix, another region, or fewer filters. Region "All" searches every configured region.'
          : 'This region has no functions yet.'}
      </p>
      {filtered ? <Button onClick={clear}>Clear all filters</Button> : null}
    </div>
  );
}
