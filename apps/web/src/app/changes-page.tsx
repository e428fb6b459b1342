import { useCallback } from 'react';
import { changesParams } from '../features/changes/api/changes-query.ts';
import { ChangesFilters } from '../features/changes/components/changes-filters.tsx';
import { ChangesList } from '../features/changes/components/changes-list.tsx';
import { useChangesList } from '../features/changes/hooks/use-changes-list.ts';
import { useMetaQuery } from '../features/functions/api/meta-query.ts';
import { FilterChips } from '../features/functions/components/filter-chips.tsx';
import { ViewFreshness } from '../features/functions/components/view-freshness.tsx';
import { viewScope } from '../features/functions/hooks/view-scope.ts';
import { useViewState } from '../lib/use-view-state.ts';
import { DEFAULT_VIEW, scopeParams, type ViewState } from '../lib/view-state.ts';
import { AppHeader } from './app-header.tsx';
import { useEmbedBridge } from './embed-bridge.ts';
import { Notices } from './notices.tsx';
import { PageSwitch } from './page-switch.tsx';
import { useLinkRepair } from './use-link-repair.ts';
import { useNotices } from './use-notices.ts';
import { useTheme } from './use-theme.ts';

/** True when the view narrows the history by more than its account and regions. */
const isFiltered = (view: ViewState) => changesParams(view).toString() !== scopeParams(view).toString();

/**
 * The Changes page (`{base}/changes`): what the sync passes saw change, newest first, grouped by
 * day and pass; the same account, regions and table filters as the table, plus its own.
 */
export default function ChangesPage() {
  const { view, problems, search, setView } = useViewState();
  const meta = useMetaQuery();
  const { notices, addNotice, dismiss } = useNotices();
  useLinkRepair(view, problems, meta.data, addNotice);
  useTheme(view.theme);
  useEmbedBridge(meta.data?.embed.frameAncestors, search);
  const list = useChangesList(changesParams(view).toString());
  const set = useCallback(
    (update: (v: ViewState) => ViewState, replace?: boolean) => setView(update, { replace }),
    [setView],
  );
  const go = useCallback((next: ViewState) => setView(next), [setView]);
  const clearAll = () =>
    setView((v) => ({
      ...DEFAULT_VIEW,
      page: 'changes',
      account: v.account,
      regions: v.regions,
      embed: v.embed,
      theme: v.theme,
    }));
  return (
    <div className="flex h-full flex-col">
      {view.embed ? null : (
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
        <div className="flex flex-wrap items-center gap-2">
          {view.embed ? <PageSwitch view={view} go={go} compact /> : null}
          <ChangesFilters view={view} meta={meta.data} setView={set} />
        </div>
        <FilterChips view={view} setView={set} />
        <Notices notices={notices} dismiss={dismiss} />
      </section>
      <section aria-label="Freshness" className="border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
        <ViewFreshness view={view} scope={viewScope(view, meta.data?.accounts ?? [])} list={list.freshness} />
      </section>
      <main className="flex min-h-0 flex-1 flex-col bg-slate-50 dark:bg-slate-950" aria-busy={list.fetching}>
        <ChangesList list={list} view={view} go={go} filtered={isFiltered(view)} clearAll={clearAll} />
      </main>
    </div>
  );
}
