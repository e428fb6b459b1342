import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { GRID_CLASS } from './insights-grid.tsx';

/** Grey cards where the charts will be, while the first answer loads. */
export function InsightsSkeleton() {
  return (
    <Skeleton
      label="Loading insights"
      rows={6}
      barClassName="h-56 rounded-lg"
      className={`${GRID_CLASS} space-y-0`}
      testId="insights-skeleton"
    />
  );
}

/** The view has no function: say so, and what to try. */
export function InsightsEmpty() {
  return (
    <div className="mx-auto my-8 max-w-xl space-y-2 px-4 text-center" data-testid="insights-empty">
      <h2 className="text-lg font-semibold">No functions in this view</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Try another region (Region "All" counts every configured region) or fewer filters.
      </p>
    </div>
  );
}
