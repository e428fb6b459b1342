import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseView, serializeView } from './url-state.ts';
import { currentPage, pageNamed, viewHref } from './view-href.ts';
import type { Page, ViewState } from './view-state.ts';

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};
// The page and the query string: a string, so React compares snapshots by value.
const getLocation = () => `${currentPage()}${window.location.search}`;
function splitLocation(location: string): { page: Page; search: string } {
  const at = location.indexOf('?');
  const page = at < 0 ? location : location.slice(0, at);
  return { page: pageNamed(page), search: at < 0 ? '' : location.slice(at) };
}

/** Options of a view change. */
export interface NavigateOptions {
  /** Replace the history entry (typing) instead of adding one (a deliberate change). */
  replace?: boolean;
}

/**
 * Writes a view into the address bar and tells every subscriber. The URL is relative to the
 * document base (see `viewHref`), never to `location.pathname`, so it stays on this origin.
 */
export function navigateTo(view: ViewState, options: NavigateOptions = {}): void {
  if (view.page === currentPage() && serializeView(view) === window.location.search) return;
  const url = `${viewHref(view)}${window.location.hash}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

/**
 * The view lives in the URL and nowhere else: reading parses the query string, writing pushes
 * history, so reload, paste and back/forward all reproduce what was on screen.
 * @example const { view, setView } = useViewState(); setView((v) => ({ ...v, has: ['gpu'] }));
 */
export function useViewState() {
  const location = useSyncExternalStore(subscribe, getLocation, () => 'functions');
  const parsed = useMemo(() => {
    const { page, search } = splitLocation(location);
    return parseView(search, page);
  }, [location]);
  const setView = useCallback(
    (next: ViewState | ((view: ViewState) => ViewState), options?: NavigateOptions) => {
      const current = parseView(window.location.search, currentPage()).view;
      navigateTo(typeof next === 'function' ? next(current) : next, options);
    },
    [],
  );
  // `search` changes whenever the address does (page or query): the embed bridge posts on it.
  return { view: parsed.view, problems: parsed.problems, search: location, setView };
}
