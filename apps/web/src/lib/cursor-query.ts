import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from './api-client.ts';

/** A list endpoint of the BFF read page by page: `/api/functions`, `/api/changes`. */
export interface CursorList<T extends { cursor?: string | undefined }> {
  endpoint: 'functions' | 'changes';
  parse: (body: unknown) => T;
  /** Items per request. */
  limit: number;
  /** How long a page stays fresh, in milliseconds. */
  staleTime: number;
}

/**
 * Query options of a list read through its cursors: keyed by the endpoint and the query (never the
 * cursor), the next page asked with the last page's cursor until there is none, not retried (the
 * list offers Retry).
 * @example cursorQueryOptions({ endpoint: 'changes', parse: parseChanges, limit: 50, staleTime: 15_000 }, 'kind=deleted')
 */
export function cursorQueryOptions<T extends { cursor?: string | undefined }>(
  list: CursorList<T>,
  query: string,
) {
  return infiniteQueryOptions({
    queryKey: [list.endpoint, query],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      params.set('limit', String(list.limit));
      if (pageParam) params.set('cursor', pageParam);
      return getJson(`api/${list.endpoint}`, list.parse, { params, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: T) => last.cursor,
    staleTime: list.staleTime,
    retry: false,
  });
}
