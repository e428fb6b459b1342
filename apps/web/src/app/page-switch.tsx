import { cn } from '../lib/cn.ts';
import { viewHref } from '../lib/view-href.ts';
import { PAGES, type Page, type ViewState } from '../lib/view-state.ts';

/** What each page is called in the switch and in its title. */
export const PAGE_LABELS: Record<Page, string> = {
  functions: 'Functions',
  changes: 'Changes',
  insights: 'Insights',
};

/** The same view on another page: account, regions and filters stay; the drawer does not. */
export const onPage = (view: ViewState, page: Page): ViewState => ({
  ...view,
  page,
  fn: undefined,
  tab: 'overview',
});

/** Functions | Changes | Insights: links (open in a new tab works), a plain click switches in place. */
export function PageSwitch({
  view,
  go,
  compact = false,
}: {
  view: ViewState;
  go: (view: ViewState) => void;
  compact?: boolean;
}) {
  return (
    <nav aria-label="Pages">
      <ul className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
        {PAGES.map((page) => {
          const current = view.page === page;
          const target = onPage(view, page);
          return (
            <li key={page}>
              <a
                href={viewHref(target)}
                aria-current={current ? 'page' : undefined}
                onClick={(event) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)
                    return;
                  event.preventDefault();
                  if (!current) go(target);
                }}
                className={cn(
                  'block rounded font-medium focus-visible:outline-2 focus-visible:outline-orange-500',
                  compact ? 'px-2 py-0.5 text-xs' : 'px-3 py-1 text-sm',
                  current
                    ? 'bg-orange-700 text-white'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
                )}
              >
                {PAGE_LABELS[page]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The page's heading when embedded, where the header (and its h1) is left out: for screen readers only. */
export function EmbeddedTitle({ page }: { page: Page }) {
  return <h1 className="sr-only">FC Fleet: {PAGE_LABELS[page]}</h1>;
}
