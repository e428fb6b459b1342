import { useCallback, useMemo } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { listingParams, type ViewState } from '../../../lib/view-state.ts';
import { useFunctionsQuery } from '../api/functions-query.ts';
import type { FleetRow, RegionError } from '../api/types.ts';
import type { ListStatus } from '../components/table-footer.tsx';

const describe = (error: unknown) =>
  error instanceof ApiError
    ? { code: error.code, message: error.message, requestId: error.requestId }
    : { code: 'Error', message: error instanceof Error ? error.message : 'Unknown error' };

/** The list for a view: rows, what the footer should say, region errors, and how to go on. */
export function useListing(view: ViewState) {
  const listing = listingParams(view).toString();
  const query = useFunctionsQuery(listing);
  const pages = query.data?.pages;
  const rows = useMemo<FleetRow[]>(() => pages?.flatMap((p) => p.functions) ?? [], [pages]);
  const last = pages?.[pages.length - 1];
  const regionErrors: RegionError[] = last?.errors ?? [];
  const nextError = query.isFetchNextPageError ? describe(query.error) : undefined;
  const firstError =
    query.isError && !query.isFetchNextPageError && rows.length === 0 ? describe(query.error) : undefined;
  const status: ListStatus = {
    loaded: rows.length,
    hasMore: query.hasNextPage,
    fetching: query.isFetching,
    scanning: Boolean(last && !last.complete),
    scanned: pages?.reduce((sum, p) => sum + p.scanned, 0) ?? 0,
    error: nextError,
  };
  const { fetchNextPage, refetch, hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData } =
    query;
  const canLoadMore = hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData;
  const loadMore = useCallback(() => {
    fetchNextPage({ cancelRefetch: false }).catch(() => {});
  }, [fetchNextPage]);
  const retry = useCallback(() => {
    if (isFetchNextPageError) fetchNextPage().catch(() => {});
    else refetch().catch(() => {});
  }, [isFetchNextPageError, fetchNextPage, refetch]);
  return { rows, status, regionErrors, firstError, pending: query.isPending, canLoadMore, loadMore, retry };
}
