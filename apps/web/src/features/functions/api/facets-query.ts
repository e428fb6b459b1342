import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { selectionKey, type ViewState } from '../../../lib/view-state.ts';
import { parseFacets } from './parse-facets.ts';

/** Fetches `/api/facets` for normalised filters. */
export function fetchFacets(filters: string, signal?: AbortSignal) {
  return getJson('api/facets', parseFacets, { params: new URLSearchParams(filters), signal });
}

/** Query options of the facet counts; the key is the normalised filters. */
export function facetsQueryOptions(filters: string) {
  return queryOptions({
    queryKey: ['facets', filters],
    queryFn: ({ signal }) => fetchFacets(filters, signal),
    staleTime: 30_000,
    retry: false,
  });
}

/** How many functions of the view have each value of every facet, and the total; the last counts stay while new ones load. */
export function useFacetsQuery(view: ViewState) {
  return useQuery({ ...facetsQueryOptions(selectionKey(view)), placeholderData: keepPreviousData });
}
