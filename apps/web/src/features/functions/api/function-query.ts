import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { parseRow } from './parse.ts';

/** GetFunction through the BFF: the live state and last update status of one function. */
export function functionQueryOptions(account: string | undefined, region: string, name: string) {
  const params = account ? new URLSearchParams({ account }) : undefined;
  return queryOptions({
    queryKey: ['function', account ?? '', region, name],
    queryFn: ({ signal }) =>
      getJson(
        `api/functions/${encodeURIComponent(region)}/${encodeURIComponent(name)}`,
        (b) => parseRow(b, 'function'),
        { params, signal },
      ),
    staleTime: 15_000,
    retry: false,
  });
}

/** The function shown in the drawer. */
export function useFunctionQuery(account: string | undefined, region: string, name: string) {
  return useQuery(functionQueryOptions(account, region, name));
}
