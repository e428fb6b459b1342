import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { selectionQueryOptions } from '../../../lib/selection-query.ts';
import { selectionKey, type ViewState } from '../../../lib/view-state.ts';
import { parseInsights } from './parse-insights.ts';

/** The shape of a view's functions (the same query as the facet counts); the last answer stays on screen while a new view's loads. */
export function useInsightsQuery(view: ViewState) {
  return useQuery({
    ...selectionQueryOptions('insights', parseInsights, selectionKey(view)),
    placeholderData: keepPreviousData,
  });
}
