import { useCallback, useMemo } from 'react';
import { errorParts } from '../../../lib/api-client.ts';
import { listingParams, type ViewState } from '../../../lib/view-state.ts';
import { useFunctionsQuery } from '../api/functions-query.ts';
import type { FleetRow } from '../api/types.ts';
import type { ListStatus } from '../components/table-footer.tsx';

/**
 * The list for a view: rows, what the footer should say, the freshness its last page reported
 * (with when it arrived), and how to go on. `total` comes from the facet counts.
 */
export function useListing(view: ViewState, total?: number) {
  const listing = listingParams(view).toString();
  const query = useFunctionsQuery(listing);
  const pages = query.data?.pages;
  const rows = useMemo<FleetRow[]>(() => pages?.flatMap((p) => p.functions) ?? [], [pages]);
  const last = pages?.[pages.length - 1];
  const nextError = query.isFetchNextPageError ? errorParts(query.error) : undefined;
  const firstError =
    query.isError && !query.isFetchNextPageError && rows.length === 0 ? errorParts(query.error) : undefined;
  const status: ListStatus = {
    loaded: rows.length,
    total,
    hasMore: query.hasNextPage,
    fetching: query.isFetching,
    // The last view's rows stay on screen while this one loads; the footer must not count them as this view's.
    switching: query.isPlaceholderData,
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
  // A placeholder is the last view's list: its regions say nothing about this one.
  const freshness = { regions: isPlaceholderData ? undefined : last?.regions, at: query.dataUpdatedAt };
  const firstSync = (freshness.regions ?? []).some((r) => !r.syncedAt && r.state !== 'failed');
  return {
    rows,
    status,
    freshness,
    firstSync,
    firstError,
    pending: query.isPending,
    canLoadMore,
    loadMore,
    retry,
  };
}
