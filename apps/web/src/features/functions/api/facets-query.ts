import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { filterParams, type ViewState } from '../../../lib/view-state.ts';
import { parseFacets } from './parse-facets.ts';

/**
 * The normalised filters of a view (no sort, no cursor; parameters and features in a fixed order),
 * so every view that selects the same functions shares one cached answer.
 * @example facetFilters({ ...DEFAULT_VIEW, has: ['vpc', 'gpu'] }) // 'has=gpu%2Cvpc'
 */
export function facetFilters(view: ViewState): string {
  const params = filterParams({ ...view, has: [...view.has].sort() });
  params.sort();
  return params.toString();
}

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
  return useQuery({ ...facetsQueryOptions(facetFilters(view)), placeholderData: keepPreviousData });
}
