import { Button } from '../../../components/ui/button.tsx';
import { formatCount } from '../../../lib/format.ts';

/** What the list knows about itself, said truthfully. */
export interface ListStatus {
  loaded: number;
  hasMore: boolean;
  fetching: boolean;
  /** The last page said the scan stopped early: more may match further on. */
  scanning: boolean;
  scanned: number;
  error?: { code: string; message: string; requestId?: string };
}

/** The footer under the last row: how many are loaded, whether more are coming, or an error with retry. */
export function TableFooter({ status, retry }: { status: ListStatus; retry: () => void }) {
  let text: string;
  if (status.error) text = '';
  else if (!status.hasMore)
    text = status.loaded === 1 ? 'The only function' : `All ${formatCount(status.loaded)} functions`;
  else if (status.scanning)
    text = `${formatCount(status.loaded)} found · scanning (${formatCount(status.scanned)} checked)…`;
  else text = `${formatCount(status.loaded)} functions loaded, more…`;
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
