import { useEffect, useRef } from 'react';
import { inputClass } from '../../../components/ui/debounced-input.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatCount } from '../../../lib/format.ts';
import type { FacetCounts } from './facet-options.ts';

/**
 * Picks one region, several, or all; a menu of checkboxes behind a summary button, each region
 * with how many functions of the view (under every other filter) it holds.
 */
export function RegionPicker({
  regions,
  value,
  onChange,
  counts,
}: {
  regions: string[];
  value: string[] | 'all';
  onChange: (value: string[] | 'all') => void;
  counts?: FacetCounts;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  const chosen = value === 'all' ? regions : value.length ? value : regions.slice(0, 1);
  const label =
    value === 'all'
      ? 'All regions'
      : chosen.length > 1
        ? `${chosen.length} regions`
        : (chosen[0] ?? 'Region');
  const toggle = (region: string) => {
    const next = chosen.includes(region) ? chosen.filter((r) => r !== region) : [...chosen, region];
    if (next.length === 0) return;
    onChange(
      next.length === regions.length && regions.length > 1 ? 'all' : regions.filter((r) => next.includes(r)),
    );
  };
  return (
    <details ref={ref} className="relative">
      <summary
        className={cn(inputClass, 'flex cursor-pointer list-none items-center gap-1')}
        aria-label={`Regions: ${label}`}
      >
        {label} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <button
          type="button"
          className="mb-1 w-full rounded px-2 py-1 text-left text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() => onChange('all')}
        >
          All regions
        </button>
        {regions.map((region) => (
          <label
            key={region}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <input
              type="checkbox"
              checked={chosen.includes(region)}
              onChange={() => toggle(region)}
              className="accent-orange-600"
            />
            <span className="flex-1">{region}</span>{' '}
            {counts ? (
              <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">
                {formatCount(counts.get(region) ?? 0)} <span className="sr-only">functions</span>
              </span>
            ) : null}
          </label>
        ))}
      </div>
    </details>
  );
}
