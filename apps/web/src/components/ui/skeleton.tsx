import { cn } from '../../lib/cn.ts';

/**
 * Grey bars fading down the page where content will be, while it loads; announced as busy.
 * @example <Skeleton label="Loading functions" rows={12} barClassName="h-8 rounded" />
 */
export function Skeleton({
  label,
  rows,
  barClassName,
  className,
  testId,
}: {
  label: string;
  rows: number;
  barClassName: string;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={label}
      className={cn('space-y-2 p-4', className)}
      data-testid={testId}
    >
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className={cn('animate-pulse bg-slate-100 dark:bg-slate-800', barClassName)}
          style={{ opacity: 1 - (i * 0.72) / rows }}
        />
      ))}
    </div>
  );
}
