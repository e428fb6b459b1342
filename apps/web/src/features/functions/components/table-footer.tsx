import { Button } from '../../../components/ui/button.tsx';
import { formatCount } from '../../../lib/format.ts';

/** What the list knows about itself, said truthfully. */
export interface ListStatus {
  loaded: number;
  /** How many functions the view has in all (from `/api/facets`); absent while it loads. */
  total?: number;
  hasMore: boolean;
  fetching: boolean;
  /** The rows shown are the previous view's, kept while this view's first page loads. */
  switching?: boolean;
  error?: { code: string; message: string; requestId?: string };
}

/** The footer's words: every page is full unless it is the last, so only the total is news. */
export function footerText(status: ListStatus): string {
  if (status.switching) return 'Loading…';
  if (!status.hasMore)
    return status.loaded === 1 ? 'The only function' : `All ${formatCount(status.loaded)} functions`;
  const total = status.total !== undefined && status.total > status.loaded ? status.total : undefined;
  return total === undefined
    ? `${formatCount(status.loaded)} functions loaded, more…`
    : `${formatCount(status.loaded)} of ${formatCount(total)} functions loaded, more…`;
}

/** The footer under the last row: how many are loaded of how many, or an error with retry. */
export function TableFooter({ status, retry }: { status: ListStatus; retry: () => void }) {
  const text = status.error ? '' : footerText(status);
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="table-footer"
      className="sticky left-0 flex min-h-10 items-center gap-3 px-3 py-2 text-sm text-slate-600 dark:text-slate-300"
    >
      {status.error ? (
        <>
          <span className="text-red-700 dark:text-red-300">
            Loading more failed: <strong>{status.error.code}</strong> — {status.error.message}
            {status.error.requestId ? (
              <span className="ml-1 font-mono text-xs">(request {status.error.requestId})</span>
            ) : null}
          </span>
          <Button size="sm" onClick={retry}>
            Retry
          </Button>
        </>
      ) : (
        <span>{text}</span>
      )}
    </div>
  );
}
