import { Button } from '../../../components/ui/button.tsx';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { errorParts } from '../../../lib/api-client.ts';
import { cn } from '../../../lib/cn.ts';
import type { ChangesList } from '../hooks/use-changes-list.ts';

/** Grey cards where events will be, while the first page loads. */
export function ChangesSkeleton() {
  return (
    <Skeleton label="Loading changes" rows={6} barClassName="h-16 rounded-md" className="w-full max-w-6xl" />
  );
}

/** The history could not be read: what, why, the request id, and a way to try again. */
export function ChangesError({
  error,
  retry,
  title = 'The changes could not be loaded',
}: {
  error: unknown;
  retry: () => void;
  title?: string;
}) {
  return <ErrorPanel title={title} {...errorParts(error)} retry={retry} />;
}

/** No events: none recorded yet, or none that match the filters (with the way out). */
export function ChangesEmpty({ filtered, clear }: { filtered: boolean; clear?: () => void }) {
  return (
    <div className="mx-auto my-8 max-w-xl space-y-2 px-4 text-center" data-testid="changes-empty">
      <h2 className="text-lg font-semibold">{filtered ? 'No changes match' : 'No changes recorded yet'}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {filtered ? 'Try a longer time range, other kinds or fields, or fewer filters. ' : ''}
        History starts after each region's first complete pass: from then on, every pass records what it saw
        created, modified or deleted.
      </p>
      {filtered && clear ? <Button onClick={clear}>Clear all filters</Button> : null}
    </div>
  );
}

/** Under the events: more loading, the end of the history, or the next page's error with Retry. */
export function TimelineFooter({
  count,
  hasMore,
  fetching,
  error,
  retry,
  className,
}: {
  className?: string;
  count: number;
  hasMore: boolean;
  fetching: boolean;
  error: unknown;
  retry: () => void;
}) {
  const loaded = count === 1 ? '1 event' : `${count.toLocaleString('en-US')} events`;
  const failure = error ? errorParts(error) : undefined;
  return (
    <div
      data-testid="changes-footer"
      className={cn(
        'flex w-full max-w-6xl items-center gap-3 px-4 py-3 text-sm text-slate-600 dark:text-slate-300',
        className,
      )}
    >
      {failure ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {failure.code}: {failure.message}
          {failure.requestId ? ` (request ${failure.requestId})` : ''}
        </span>
      ) : (
        <span>{hasMore ? `${loaded} loaded${fetching ? ', loading more…' : ''}` : `All ${loaded}`}</span>
      )}
      {failure || (hasMore && !fetching) ? (
        <Button size="sm" onClick={retry}>
          {failure ? 'Retry' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}

/** The footer of a loaded history list (the Changes page's and the drawer's alike). */
export function ChangesFooter({ list, className }: { list: ChangesList; className?: string }) {
  return (
    <TimelineFooter
      count={list.events.length}
      hasMore={list.hasMore}
      fetching={list.loadingMore}
      error={list.nextError}
      retry={list.loadMore}
      {...(className ? { className } : {})}
    />
  );
}
