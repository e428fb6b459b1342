import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

/** Badge styles: one tone per kind of resource, readable in light and dark. */
export const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium leading-none whitespace-nowrap',
  {
    variants: {
      tone: {
        neutral: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
        vpc: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200',
        storage: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
        gpu: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
        warn: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
        danger: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
        demo: 'bg-orange-700 text-white',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
);

/** A small label. */
export function Badge({
  className,
  tone,
  ...props
}: HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
