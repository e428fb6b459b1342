import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { parsePage } from './parse.ts';

/** Rows per request: large pages keep the cursor ahead of fast scrolling. */
export const PAGE_SIZE = 100;

/** Fetches one page of `/api/functions` for the listing parameters and a cursor. */
export function fetchFunctionsPage(listing: string, cursor: string | undefined, signal?: AbortSignal) {
  const params = new URLSearchParams(listing);
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return getJson('api/functions', parsePage, { params, signal });
}

/** Query options of the infinite list; the key is the normalised listing, never the cursor. */
export function functionsQueryOptions(listing: string) {
  return infiniteQueryOptions({
    queryKey: ['functions', listing],
    queryFn: ({ pageParam, signal }) => fetchFunctionsPage(listing, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
    staleTime: 30_000,
    retry: false,
  });
}

/** The infinite list; while a new filter loads, the previous rows stay on screen. */
export function useFunctionsQuery(listing: string) {
  return useInfiniteQuery({ ...functionsQueryOptions(listing), placeholderData: keepPreviousData });
}
