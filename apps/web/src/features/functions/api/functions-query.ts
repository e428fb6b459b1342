import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { cursorQueryOptions } from '../../../lib/cursor-query.ts';
import { parsePage } from './parse.ts';

/** Rows per request: large pages keep the cursor ahead of fast scrolling. */
export const PAGE_SIZE = 100;

/** Query options of the infinite list; the key is the normalised listing, never the cursor. */
export function functionsQueryOptions(listing: string) {
  return cursorQueryOptions(
    { endpoint: 'functions', parse: parsePage, limit: PAGE_SIZE, staleTime: 30_000 },
    listing,
  );
}

/** The infinite list; while a new filter loads, the previous rows stay on screen. */
export function useFunctionsQuery(listing: string) {
  return useInfiniteQuery({ ...functionsQueryOptions(listing), placeholderData: keepPreviousData });
}
