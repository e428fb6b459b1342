import type { DiffValue } from '@fc-fleet/fleet-contract';
import { useState } from 'react';
import { compactValue, shorten } from './diff-text.ts';

/** One value of a diff, compact; a long one is cut, with its whole text on hover and a button to show it. */
export function DiffValueText({ value, label }: { value: DiffValue | undefined; label: string }) {
  const [open, setOpen] = useState(false);
  const full = compactValue(value);
  const short = shorten(full);
  return (
    <span className="min-w-0 break-all">
      <code
        title={short.cut ? full : undefined}
        className="rounded bg-slate-100 px-1 py-0.5 text-slate-900 dark:bg-slate-800 dark:text-slate-100"
      >
        {open ? full : short.text}
      </code>
      {short.cut ? (
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={open ? `Show less of the ${label}` : `Show all of the ${label}`}
          className="ml-1 text-[11px] text-orange-700 underline-offset-2 hover:underline dark:text-orange-400"
        >
          {open ? 'less' : 'all'}
        </button>
      ) : null}
    </span>
  );
}
