import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ViewState } from './view-state.ts';

/** The view a part of the page shows, and how to go to another. */
export interface ViewContextValue {
  view: ViewState;
  /** Shows another view (a deliberate change: a new history entry). */
  go: (view: ViewState) => void;
}

const ViewContext = createContext<ViewContextValue | null>(null);

/**
 * Gives the components below the view they show, so it reaches them without passing through
 * every component between. A part of the page that shows another view (the drawer of a row under
 * "All accounts", which is in the row's account) provides its own.
 * @example <ViewProvider view={view} go={go}><FunctionTable … /></ViewProvider>
 */
export function ViewProvider({ view, go, children }: ViewContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ view, go }), [view, go]);
  return <ViewContext.Provider value={value}>{children}</ViewContext.Provider>;
}

/**
 * The view of the nearest {@link ViewProvider}; throws outside one, which is a wiring mistake.
 * @example const { view, go } = useView(); go({ ...view, sort });
 */
export function useView(): ViewContextValue {
  const value = useContext(ViewContext);
  if (!value) throw new Error('useView() outside a ViewProvider');
  return value;
}
