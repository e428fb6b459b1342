import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

/** A toolbar menu: a button-like summary that opens a panel under it (a native `<details>`). */
export function Menu({
  label,
  panelClassName,
  children,
}: {
  label: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  return (
    <details className="relative">
      <summary className="flex h-8 cursor-pointer list-none items-center rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
        {label} ▾
      </summary>
      <div
        className={cn(
          'absolute right-0 z-30 mt-1 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900',
          panelClassName,
        )}
      >
        {children}
      </div>
    </details>
  );
}
