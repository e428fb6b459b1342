import { queryOptions } from '@tanstack/react-query';
import { getJson } from './api-client.ts';

/**
 * Query options of an answer about the functions a view selects (`/api/facets`, `/api/insights`):
 * keyed by the normalised filters (`selectionKey`), fresh for 30 s, not retried (the panel offers Retry).
 * @example selectionQueryOptions('facets', parseFacets, selectionKey(view))
 */
export function selectionQueryOptions<T>(
  endpoint: 'facets' | 'insights',
  parse: (body: unknown) => T,
  filters: string,
) {
  return queryOptions({
    queryKey: [endpoint, filters],
    queryFn: ({ signal }) =>
      getJson(`api/${endpoint}`, parse, { params: new URLSearchParams(filters), signal }),
    staleTime: 30_000,
    retry: false,
  });
}
