import type { InsightsAnswer } from '@fc-fleet/fleet-contract';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { errorParts } from '../../../lib/api-client.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import { InsightsGrid } from './insights-grid.tsx';
import { InsightsEmpty, InsightsSkeleton } from './insights-states.tsx';

/** What the page shows now: the skeleton, the failure with a retry, "no functions", or the cards. */
export function InsightsBody({
  query,
  view,
  tableSearch,
  showAccounts,
}: {
  query: { data?: InsightsAnswer; error: unknown; isPending: boolean; refetch: () => unknown };
  view: ViewState;
  tableSearch: string;
  showAccounts: boolean;
}) {
  if (query.error && !query.data)
    return (
      <ErrorPanel
        title="The insights could not be loaded"
        {...errorParts(query.error)}
        retry={() => void query.refetch()}
      />
    );
  if (!query.data) return <InsightsSkeleton />;
  if (query.data.total === 0) return <InsightsEmpty />;
  return (
    <InsightsGrid answer={query.data} view={view} tableSearch={tableSearch} showAccounts={showAccounts} />
  );
}
