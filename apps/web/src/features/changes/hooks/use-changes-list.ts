import { useCallback, useMemo } from 'react';
import { type ChangesQueryResult, useChangesQuery } from '../api/changes-query.ts';

/**
 * A history query as the page shows it: the events loaded so far, the first page's error (the
 * whole page fails) apart from a later page's (the footer retries), and how to load more.
 * @example const list = useChangesList(changesParams(view).toString()); list.loadMore();
 */
export function useChangesList(query: string) {
  const result: ChangesQueryResult = useChangesQuery(query);
  const { data, error, hasNextPage, isFetchingNextPage, isFetching, fetchNextPage, refetch } = result;
  const events = useMemo(() => data?.pages.flatMap((page) => page.changes) ?? [], [data]);
  const firstError = data ? undefined : (error ?? undefined);
  const nextError = data && result.isFetchNextPageError ? error : undefined;
  const loadMore = useCallback(() => {
    void fetchNextPage();
  }, [fetchNextPage]);
  return {
    events,
    firstError,
    nextError,
    pending: result.isPending,
    fetching: isFetching,
    hasMore: hasNextPage,
    canLoadMore: hasNextPage && !isFetchingNextPage && !nextError,
    loadingMore: isFetchingNextPage,
    loadMore,
    retry: () => void refetch(),
    /** The regions the last page reported, and when it arrived (for the freshness line). */
    freshness: { regions: data?.pages.at(-1)?.regions, at: result.dataUpdatedAt },
  };
}

/** What `useChangesList` returns. */
export type ChangesList = ReturnType<typeof useChangesList>;
