import { changesParams } from '../features/changes/api/changes-query.ts';
import { ChangesFilters } from '../features/changes/components/changes-filters.tsx';
import { ChangesList } from '../features/changes/components/changes-list.tsx';
import { useChangesList } from '../features/changes/hooks/use-changes-list.ts';
import { ViewFreshness } from '../features/functions/components/view-freshness.tsx';
import { viewScope } from '../features/functions/hooks/view-scope.ts';
import { DEFAULT_VIEW, scopeParams, type ViewState } from '../lib/view-state.ts';
import { PageTop, usePageView } from './page-top.tsx';

/** True when the view narrows the history by more than its account and regions. */
const isFiltered = (view: ViewState) => changesParams(view).toString() !== scopeParams(view).toString();

/**
 * The Changes page (`{base}/changes`): what the sync passes saw change, newest first, grouped by
 * day and pass; the same account, regions and table filters as the table, plus its own.
 */
export default function ChangesPage() {
  const page = usePageView();
  const { view, setView, set, go, meta } = page;
  const list = useChangesList(changesParams(view).toString());
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
      <PageTop page={page}>
        <ChangesFilters view={view} meta={meta} setView={set} />
      </PageTop>
      <section aria-label="Freshness" className="border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
        <ViewFreshness view={view} scope={viewScope(view, meta?.accounts ?? [])} list={list.freshness} />
      </section>
      <main className="flex min-h-0 flex-1 flex-col bg-slate-50 dark:bg-slate-950" aria-busy={list.fetching}>
        <ChangesList list={list} view={view} go={go} filtered={isFiltered(view)} clearAll={clearAll} />
      </main>
    </div>
  );
}
