import { cn } from '../../../lib/cn.ts';
import { formatCount } from '../../../lib/format.ts';
import { HAS_VALUES, type HasValue, type ViewState } from '../../../lib/view-state.ts';
import type { FacetCounts } from './facet-options.ts';

const LABELS: Record<HasValue, string> = {
  vpc: 'VPC',
  nas: 'NAS',
  oss: 'OSS',
  gpu: 'GPU',
  container: 'Container',
  layers: 'Layers',
  tracing: 'Tracing',
  logs: 'Logs',
};

// The server counts features under every filter but the features chosen: say so once some are.
const describe = (count: number, label: string, chosen: boolean) =>
  `${formatCount(count)} functions in this view have ${label}${chosen ? ', not counting the features chosen' : ''}`;

/**
 * Toggle buttons for "has VPC / NAS / OSS / GPU / …", each with how many functions of the view
 * have the feature. A feature no function has is disabled, unless it is already on (so it can be
 * turned off). The count is not part of the button's name, which stays "GPU"; it is its description.
 */
export function FacetBar({
  view,
  counts,
  setView,
}: {
  view: ViewState;
  counts?: FacetCounts;
  setView: (update: (v: ViewState) => ViewState) => void;
}) {
  const toggle = (facet: HasValue) =>
    setView((v) => ({
      ...v,
      has: v.has.includes(facet) ? v.has.filter((h) => h !== facet) : [...v.has, facet],
    }));
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="sr-only">Only functions with</legend>
      <span aria-hidden="true" className="mr-1 text-xs text-slate-500 dark:text-slate-400">
        Has
      </span>
      {HAS_VALUES.map((facet) => {
        const on = view.has.includes(facet);
        const count = counts ? (counts.get(facet) ?? 0) : undefined;
        return (
          <button
            key={facet}
            type="button"
            aria-pressed={on}
            disabled={count === 0 && !on}
            title={count === undefined ? undefined : describe(count, LABELS[facet], view.has.length > 0)}
            onClick={() => toggle(facet)}
            className={cn(
              'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium transition-colors disabled:opacity-50',
              on
                ? 'border-orange-700 bg-orange-700 text-white'
                : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800',
            )}
          >
            {LABELS[facet]}
            {count === undefined ? null : (
              <span
                aria-hidden="true"
                className={cn(
                  'font-normal tabular-nums',
                  on ? 'text-orange-50' : 'text-slate-600 dark:text-slate-300',
                )}
              >
                {formatCount(count)}
              </span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
