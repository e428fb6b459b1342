import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { parseMeta } from './parse-meta.ts';

/** `/api/meta`: accounts, regions, demo flag, facets. Changes rarely. */
export const metaQueryOptions = queryOptions({
  queryKey: ['meta'],
  queryFn: ({ signal }) => getJson('api/meta', parseMeta, { signal }),
  staleTime: 60_000,
  retry: 1,
});

/** The server's description of itself. */
export function useMetaQuery() {
  return useQuery(metaQueryOptions);
}
