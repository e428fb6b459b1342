import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { selectionKey, type ViewState } from '../../../lib/view-state.ts';
import { parseInsights } from './parse-insights.ts';

/** Fetches `/api/insights` for a view's normalised filters (the same query as `/api/facets`). */
export function fetchInsights(filters: string, signal?: AbortSignal) {
  return getJson('api/insights', parseInsights, { params: new URLSearchParams(filters), signal });
}

/** Query options of the insights; the key is the normalised filters, as the facet counts'. */
export function insightsQueryOptions(filters: string) {
  return queryOptions({
    queryKey: ['insights', filters],
    queryFn: ({ signal }) => fetchInsights(filters, signal),
    staleTime: 30_000,
    retry: false,
  });
}

/** The shape of a view's functions; the last answer stays on screen while a new view's loads. */
export function useInsightsQuery(view: ViewState) {
  return useQuery({ ...insightsQueryOptions(selectionKey(view)), placeholderData: keepPreviousData });
}
