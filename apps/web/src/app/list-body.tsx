import { FunctionTable, type FunctionTableProps } from '../features/functions/components/function-table.tsx';
import { useView } from '../lib/view-context.tsx';
import { isFiltered } from '../lib/view-state.ts';
import { EmptyState, ErrorState, TableSkeleton } from './states.tsx';

/** What the list looks like right now: the first page's error, the skeleton, "no functions", or the table. */
export function ListBody({
  list,
  clearAll,
  ...table
}: Omit<FunctionTableProps, 'rows'> & {
  list: {
    rows: FunctionTableProps['rows'];
    firstError?: { code: string; message: string; requestId?: string };
    pending: boolean;
    /** A region of the view has no complete pass yet: an empty list may only be early. */
    firstSync: boolean;
    status: { hasMore: boolean; fetching: boolean };
    retry: () => void;
  };
  clearAll: () => void;
}) {
  const { view } = useView();
  if (list.firstError) return <ErrorState {...list.firstError} retry={list.retry} />;
  if (list.rows.length === 0 && list.pending) return <TableSkeleton />;
  if (list.rows.length === 0 && !list.status.hasMore && !list.status.fetching)
    return <EmptyState filtered={isFiltered(view)} clear={clearAll} firstSync={list.firstSync} />;
  return <FunctionTable rows={list.rows} {...table} />;
}
