import { writeChangeQuery } from '@fc-fleet/fleet-contract';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { cursorQueryOptions } from '../../../lib/cursor-query.ts';
import { filterParams, type ViewState } from '../../../lib/view-state.ts';
import { parseChanges } from './parse-changes.ts';

/** Events per request. */
export const CHANGES_PAGE_SIZE = 50;

/**
 * The `/api/changes` query of a Changes view (no cursor, no limit): its account, regions and the
 * table's filters (changes of the functions that view shows), then its own change filters.
 * @example changesParams({ ...DEFAULT_VIEW, page: 'changes', has: ['gpu'], changes: { kinds: ['deleted'] } }).toString() // 'has=gpu&kind=deleted'
 */
export function changesParams(view: ViewState): URLSearchParams {
  return writeChangeQuery(view.changes, filterParams(view));
}

/** The query of one function's history: its account (when known), its region and its exact name. */
export function historyParams(account: string | undefined, region: string, name: string): URLSearchParams {
  const out = new URLSearchParams();
  if (account) out.set('account', account);
  out.set('region', region);
  out.set('name', name);
  return out;
}

/** Query options of the history, newest first; the key is the query, never the cursor. */
export function changesQueryOptions(query: string) {
  return cursorQueryOptions(
    { endpoint: 'changes', parse: parseChanges, limit: CHANGES_PAGE_SIZE, staleTime: 15_000 },
    query,
  );
}

/** The history of a query, page by page; while a new filter loads, the previous events stay. */
export function useChangesQuery(query: string) {
  return useInfiniteQuery({ ...changesQueryOptions(query), placeholderData: keepPreviousData });
}

/** What `useChangesQuery` returns. */
export type ChangesQueryResult = ReturnType<typeof useChangesQuery>;
