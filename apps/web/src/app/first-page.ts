import type { QueryClient } from '@tanstack/react-query';
import { facetsQueryOptions } from '../features/functions/api/facets-query.ts';
import { functionsQueryOptions } from '../features/functions/api/functions-query.ts';
import { parsePage } from '../features/functions/api/parse.ts';
import { readJson } from '../lib/api-client.ts';
import { parseView } from '../lib/url-state.ts';
import { currentPage } from '../lib/view-href.ts';
import { listingParams, selectionKey } from '../lib/view-state.ts';

declare global {
  interface Window {
    /** Set by `early-fetch.js`: the first page, requested before the bundle arrived. */
    __fcFleetFirstPage?: { listing: string; response: Promise<Response> };
  }
}

/**
 * Puts the first page into the query cache as early as possible: the answer `early-fetch.js`
 * already asked for when it is for this view, otherwise a request made now, before React renders.
 * The view's facet counts (the filters' numbers and the total) are asked for at the same time.
 */
export function primeFirstPage(client: QueryClient): void {
  // The Changes and Insights pages list no functions: each asks for its own data when it renders.
  if (currentPage() !== 'functions') return;
  const view = parseView(window.location.search).view;
  client.prefetchQuery(facetsQueryOptions(selectionKey(view))).catch(() => {});
  const listing = listingParams(view).toString();
  const options = functionsQueryOptions(listing);
  const early = window.__fcFleetFirstPage;
  window.__fcFleetFirstPage = undefined;
  const prefetch =
    early && early.listing === listing
      ? client.prefetchInfiniteQuery({ ...options, queryFn: () => readJson(early.response, parsePage) })
      : client.prefetchInfiniteQuery(options);
  prefetch.catch(() => {});
}
