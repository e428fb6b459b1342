import { AccountPicker } from '../features/functions/components/account-picker.tsx';
import { regionsOf } from '../features/functions/components/filter-bar.tsx';
import { RegionPicker } from '../features/functions/components/region-picker.tsx';
import { ViewFreshness } from '../features/functions/components/view-freshness.tsx';
import { viewScope } from '../features/functions/hooks/view-scope.ts';
import { useInsightsQuery } from '../features/insights/api/insights-query.ts';
import { InsightsBody } from '../features/insights/components/insights-body.tsx';
import { serializeView } from '../lib/url-state.ts';
import { ALL_ACCOUNTS } from '../lib/view-state.ts';
import { onPage } from './page-switch.tsx';
import { PageTop, usePageView } from './page-top.tsx';

/**
 * The Insights page (`{base}/insights`): the shape of the view's functions in charts, with the same
 * account, regions and filters as the table; every number links to the table of its functions.
 */
export default function InsightsPage() {
  const page = usePageView();
  const { view, setView, set, meta } = page;
  const insights = useInsightsQuery(view);
  const accounts = meta?.accounts ?? [];
  return (
    // The page scrolls as a whole (no inner scroller): charts are read top to bottom, like a document.
    <div className="flex min-h-full flex-col">
      <PageTop page={page}>
        {meta ? <AccountPicker view={view} meta={meta} setView={set} /> : null}
        <RegionPicker
          regions={regionsOf(view, meta)}
          value={view.account === ALL_ACCOUNTS && view.regions.length === 0 ? 'all' : view.regions}
          onChange={(regions) => setView((v) => ({ ...v, regions }))}
        />
      </PageTop>
      <section aria-label="Freshness" className="border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
        <ViewFreshness
          view={view}
          scope={viewScope(view, accounts)}
          list={{ regions: insights.data?.regions, at: insights.dataUpdatedAt }}
          total={insights.isPlaceholderData ? undefined : insights.data?.total}
        />
      </section>
      <main className="flex-1 bg-slate-50 dark:bg-slate-950" aria-busy={insights.isFetching}>
        <InsightsBody
          query={insights}
          view={view}
          tableSearch={serializeView(onPage(view, 'functions'))}
          showAccounts={accounts.length > 1}
        />
      </main>
    </div>
  );
}
