import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useFacetsQuery } from '../features/functions/api/facets-query.ts';
import { useMetaQuery } from '../features/functions/api/meta-query.ts';
import { type FleetRow, rowKey } from '../features/functions/api/types.ts';
import { FacetBar } from '../features/functions/components/facet-bar.tsx';
import { countsOf } from '../features/functions/components/facet-options.ts';
import { FilterBar } from '../features/functions/components/filter-bar.tsx';
import { FilterChips } from '../features/functions/components/filter-chips.tsx';
import { TableFooter } from '../features/functions/components/table-footer.tsx';
import { ViewActions } from '../features/functions/components/view-actions.tsx';
import { ViewFreshness } from '../features/functions/components/view-freshness.tsx';
import { useColumnPrefs } from '../features/functions/hooks/use-column-prefs.ts';
import { useListing } from '../features/functions/hooks/use-listing.ts';
import { viewScope } from '../features/functions/hooks/view-scope.ts';
import { useViewState } from '../lib/use-view-state.ts';
import { ViewProvider } from '../lib/view-context.tsx';
import { viewHref } from '../lib/view-href.ts';
import { ALL_ACCOUNTS, DEFAULT_VIEW, type ViewState } from '../lib/view-state.ts';
import { AppHeader, DemoBadge } from './app-header.tsx';
import { useEmbedBridge } from './embed-bridge.ts';
import { ListBody } from './list-body.tsx';
import { Notices } from './notices.tsx';
import { EmbeddedTitle, PageSwitch } from './page-switch.tsx';
import { useLinkRepair } from './use-link-repair.ts';
import { useNotices } from './use-notices.ts';
import { useTheme } from './use-theme.ts';

// The drawer is a third of the app's own code and is not needed for the first rows: load it on first use.
/** The drawer's target for a row: under "All accounts", with the row's account. */
const drawerTarget = (view: ViewState, row: FleetRow): NonNullable<ViewState['fn']> => ({
  ...(view.account === ALL_ACCOUNTS ? { account: row.account } : {}),
  region: row.region,
  name: row.function.functionName,
});

const HistoryTab = lazy(() =>
  import('../features/changes/components/history-tab.tsx').then((m) => ({ default: m.HistoryTab })),
);
const FunctionDrawer = lazy(() =>
  import('../features/functions/drawer/function-drawer.tsx').then((m) => ({ default: m.FunctionDrawer })),
);

/** The whole page: header, filters, table and drawer, all driven by the URL. */
export function Dashboard() {
  const { view, problems, search, setView } = useViewState();
  const meta = useMetaQuery();
  const { prefs, update, reset } = useColumnPrefs();
  const applyPrefs = useCallback(
    (p: Partial<typeof prefs>) => {
      for (const key of Object.keys(p) as (keyof typeof prefs)[]) update(key, p[key] as never);
    },
    [update],
  );
  const { notices, addNotice, dismiss } = useNotices();
  useLinkRepair(view, problems, meta.data, addNotice);
  useTheme(view.theme);
  const facets = useFacetsQuery(view);
  // The last view's counts stay on the controls while new ones load, but not its total.
  const total = facets.isPlaceholderData ? undefined : facets.data?.total;
  const list = useListing(view, total);
  const [activeKey, setActiveKey] = useState<string>();
  useEmbedBridge(meta.data?.embed.frameAncestors, search, view.fn);

  const set = useCallback(
    (update: (v: ViewState) => ViewState, replace?: boolean) => setView(update, { replace }),
    [setView],
  );
  const open = useCallback(
    (row: FleetRow) => {
      setActiveKey(rowKey(row));
      setView((v) => ({ ...v, fn: drawerTarget(v, row), tab: v.fn ? v.tab : 'overview' }));
    },
    [setView],
  );
  const hrefFor = useCallback((row: FleetRow) => viewHref({ ...view, fn: drawerTarget(view, row) }), [view]);
  const close = useCallback(() => setView((v) => ({ ...v, fn: undefined, tab: 'overview' })), [setView]);
  const go = useCallback((v: ViewState) => setView(v), [setView]);
  const isOpen = (r: FleetRow) =>
    r.region === view.fn?.region &&
    r.function.functionName === view.fn?.name &&
    (view.fn.account === undefined || r.account === view.fn.account);
  // A link from before `fn=` named the account matches a row of any account: the row clicked wins.
  const openRow = view.fn
    ? (list.rows.find((r) => isOpen(r) && rowKey(r) === activeKey) ?? list.rows.find(isOpen))
    : undefined;
  const accounts = meta.data?.accounts ?? [];
  const scope = viewScope(view, accounts);
  // Rows of "All accounts" open in their own account, which `fn=` names.
  const drawerView =
    view.account === ALL_ACCOUNTS ? { ...view, account: view.fn?.account ?? openRow?.account } : view;
  const clearAll = () =>
    setView((v) => ({
      ...DEFAULT_VIEW,
      account: v.account,
      regions: v.regions,
      embed: v.embed,
      theme: v.theme,
    }));

  useEffect(() => {
    if (openRow) setActiveKey(rowKey(openRow));
  }, [openRow]);

  return (
    <ViewProvider view={view} go={go}>
      <div className="flex h-full flex-col">
        {view.embed ? (
          <EmbeddedTitle page="functions" />
        ) : (
          <AppHeader
            meta={meta.data}
            view={view}
            go={go}
            setTheme={(theme) => setView((v) => ({ ...v, theme }))}
          />
        )}
        <section
          aria-label="Filters"
          className="space-y-2 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800"
        >
          {/* The filters take the whole width (two rows at 1280 px); the view's actions sit at the end of the features row. */}
          <FilterBar view={view} meta={meta.data} facets={facets.data} setView={set} />
          <div className="flex flex-wrap items-center gap-3">
            {view.embed ? <PageSwitch view={view} go={go} compact /> : null}
            <FacetBar view={view} counts={countsOf(facets.data, 'has')} setView={set} />
            {meta.data?.demo && view.embed ? <DemoBadge /> : null}
            <div className="ml-auto">
              <ViewActions rows={list.rows} prefs={prefs} update={applyPrefs} reset={reset} />
            </div>
          </div>
          <FilterChips view={view} setView={set} />
          <Notices notices={notices} dismiss={dismiss} />
        </section>
        <section
          aria-label="Freshness"
          className="border-b border-slate-200 px-4 py-1.5 dark:border-slate-800"
        >
          <ViewFreshness view={view} scope={scope} list={list.freshness} total={total} />
        </section>
        <main className="flex min-h-0 flex-1 flex-col" aria-busy={list.status.fetching}>
          <ListBody
            list={list}
            clearAll={clearAll}
            showPlace={scope.length > 1}
            showAccount={accounts.length > 1}
            prefs={prefs}
            onPrefs={applyPrefs}
            canLoadMore={list.canLoadMore}
            loadMore={list.loadMore}
            activeKey={activeKey}
            onActive={setActiveKey}
            onOpen={open}
            hrefFor={hrefFor}
            footer={<TableFooter status={list.status} retry={list.loadMore} />}
          />
        </main>
        {view.fn ? (
          <Suspense fallback={null}>
            <ViewProvider view={drawerView} go={go}>
              <FunctionDrawer
                key={`${view.fn.account ?? ''}/${view.fn.region}/${view.fn.name}`}
                target={view.fn}
                row={openRow}
                meta={meta.data}
                onTab={(tab) => setView((v) => ({ ...v, tab }), { replace: true })}
                onClose={close}
                history={(props) => (
                  <Suspense fallback={null}>
                    <HistoryTab {...props} />
                  </Suspense>
                )}
                onMissing={(message) => {
                  addNotice(message);
                  // A repair, like the link repair: replace the entry, or Back would reopen the stale link.
                  setView((v) => ({ ...v, fn: undefined, tab: 'overview' }), { replace: true });
                }}
              />
            </ViewProvider>
          </Suspense>
        ) : null}
      </div>
    </ViewProvider>
  );
}
