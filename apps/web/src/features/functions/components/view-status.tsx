import { cva } from 'class-variance-authority';
import { Button } from '../../../components/ui/button.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import type { RegionSync } from '../api/types.ts';
import { describeFreshness, type FreshnessNote } from './freshness-text.ts';

/** How often the ages on screen ("synced 40 s ago") are worked out again. */
const TICK_MS = 5_000;

const noteVariants = cva('rounded-md border px-3 py-1 text-sm', {
  variants: {
    tone: {
      error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100',
      warn: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
      progress: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100',
    },
  },
});

function Note({ note }: { note: FreshnessNote }) {
  // A failure is announced; stale data and progress are there to read, not to interrupt.
  return (
    <p role={note.tone === 'error' ? 'alert' : undefined} className={noteVariants({ tone: note.tone })}>
      {note.text}
    </p>
  );
}

/** What `ViewStatus` shows: the view's size, its regions' freshness, and Refresh. */
export interface ViewStatusProps {
  /** Functions in the view, from the facet counts; absent while they load. */
  total?: number;
  regions: readonly RegionSync[];
  staleAfterMs: number;
  showAccount: boolean;
  refreshing: boolean;
  refresh: () => void;
  refreshError: Error | null;
}

/**
 * The line between the filters and the table: "1,234 functions · synced 40 s ago · Refresh", and a
 * note for each region of the view that failed, is stale, or is in its first pass.
 */
export function ViewStatus(props: ViewStatusProps) {
  const now = useNow(TICK_MS);
  const { summary, detail, notes, progress, syncing } = describeFreshness(
    props.regions,
    now,
    props.staleAfterMs,
    props.showAccount,
  );
  const busy = props.refreshing || syncing;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
        {props.total === undefined ? null : (
          <span data-testid="view-total" className="font-medium text-slate-900 dark:text-slate-100">
            {props.total === 1 ? '1 function' : `${formatCount(props.total)} functions`}
            {props.regions.some((r) => !r.syncedAt) ? ' so far' : ''}
          </span>
        )}
        {summary ? (
          <span title={detail} data-testid="freshness">
            {summary}
          </span>
        ) : null}
        <Button
          size="sm"
          onClick={props.refresh}
          disabled={props.refreshing || props.regions.length === 0}
          aria-busy={busy}
          title="Sync the view's regions with the cloud now"
        >
          <span aria-hidden="true" className={busy ? 'inline-block animate-spin' : 'inline-block'}>
            ↻
          </span>
          {props.refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
        {/* For screen readers, said once: the counts beside it change on every poll and are only shown. */}
        <span role="status" className="sr-only">
          {busy ? 'Syncing…' : ''}
        </span>
        {progress ? (
          <span data-testid="sync-progress" className="tabular-nums">
            {progress}
          </span>
        ) : null}
        {props.refreshError ? (
          <span role="alert" className="text-red-700 dark:text-red-300">
            Refresh refused: {props.refreshError.message}
          </span>
        ) : null}
      </div>
      {notes.length ? (
        <div className="space-y-1" data-testid="sync-notes">
          {notes.map((note) => (
            <Note key={note.key} note={note} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
