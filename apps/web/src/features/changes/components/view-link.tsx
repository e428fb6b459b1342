import type { ReactNode } from 'react';
import { cn } from '../../../lib/cn.ts';
import { viewHref } from '../../../lib/view-href.ts';
import type { ViewState } from '../../../lib/view-state.ts';

/**
 * A link to another view of the dashboard: a real `href` (open in a new tab, copy), and a plain
 * click navigates in place through `go`, without reloading the page.
 */
export function ViewLink({
  to,
  go,
  title,
  className,
  children,
}: {
  to: ViewState;
  go: (view: ViewState) => void;
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={viewHref(to)}
      title={title}
      className={cn('text-orange-700 underline-offset-2 hover:underline dark:text-orange-400', className)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        go(to);
      }}
    >
      {children}
    </a>
  );
}
