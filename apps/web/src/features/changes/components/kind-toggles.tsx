import { CHANGE_KINDS, type ChangeKind } from '@fc-fleet/fleet-contract';
import { cn } from '../../../lib/cn.ts';

/** Created / modified / deleted as toggle buttons; none pressed is every kind. */
export function KindToggles({
  kinds,
  onChange,
}: {
  kinds: readonly ChangeKind[];
  onChange: (kinds: ChangeKind[] | undefined) => void;
}) {
  const toggle = (kind: ChangeKind) => {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
    // In the contract's order, so the URL of a choice is always the same.
    const ordered = CHANGE_KINDS.filter((k) => next.includes(k));
    onChange(ordered.length ? ordered : undefined);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div role="group" aria-label="Kinds of change" className="inline-flex rounded-md shadow-xs">
      {CHANGE_KINDS.map((kind, i) => (
        <button
          key={kind}
          type="button"
          aria-pressed={kinds.includes(kind)}
          onClick={() => toggle(kind)}
          className={cn(
            'h-8 border border-slate-300 px-2.5 text-sm capitalize focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-orange-500 dark:border-slate-700',
            i === 0 ? 'rounded-l-md' : '-ml-px',
            i === CHANGE_KINDS.length - 1 ? 'rounded-r-md' : '',
            kinds.includes(kind)
              ? 'bg-orange-700 text-white hover:bg-orange-800'
              : 'bg-white text-slate-800 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
          )}
        >
          {kind}
        </button>
      ))}
    </div>
  );
}
