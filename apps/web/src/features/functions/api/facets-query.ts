import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { selectionQueryOptions } from '../../../lib/selection-query.ts';
import { selectionKey, type ViewState } from '../../../lib/view-state.ts';
import { parseFacets } from './parse-facets.ts';

/** Query options of the facet counts; the key is the normalised filters. */
export const facetsQueryOptions = (filters: string) => selectionQueryOptions('facets', parseFacets, filters);

/** How many functions of the view have each value of every facet, and the total; the last counts stay while new ones load. */
export function useFacetsQuery(view: ViewState) {
  return useQuery({ ...facetsQueryOptions(selectionKey(view)), placeholderData: keepPreviousData });
}
