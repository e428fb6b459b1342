import { cn } from '../../../lib/cn.ts';
import { HAS_VALUES, type HasValue, type ViewState } from '../../../lib/view-state.ts';

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

/** Toggle buttons for "has VPC / NAS / OSS / GPU / …". */
export function FacetBar({
  view,
  setView,
}: {
  view: ViewState;
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
        return (
          <button
            key={facet}
            type="button"
            aria-pressed={on}
            onClick={() => toggle(facet)}
            className={cn(
              'h-7 rounded-full border px-2.5 text-xs font-medium transition-colors',
              on
                ? 'border-orange-700 bg-orange-700 text-white'
                : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800',
            )}
          >
            {LABELS[facet]}
          </button>
        );
      })}
    </fieldset>
  );
}
