import type { ReactNode } from 'react';
import { useView } from '../../../lib/view-context.tsx';
import { viewHref } from '../../../lib/view-href.ts';
import { DEFAULT_VIEW, type TextFilter, type ViewState } from '../../../lib/view-state.ts';

/** The view "all functions with this id", keeping account, regions and chrome. */
export function filteredView(view: ViewState, name: TextFilter, value: string): ViewState {
  return {
    ...DEFAULT_VIEW,
    account: view.account,
    regions: view.regions,
    embed: view.embed,
    theme: view.theme,
    text: { [name]: value },
  };
}

/**
 * An id that is also a link to "functions that share it", in the view of the nearest provider;
 * a plain click filters in place.
 */
export function FilterLink({
  name,
  value,
  children,
}: {
  name: TextFilter;
  value: string;
  children?: ReactNode;
}) {
  const { view, go } = useView();
  const target = filteredView(view, name, value);
  return (
    <a
      href={viewHref(target)}
      title={`Show every function with ${name} ${value}`}
      className="font-mono text-[13px] break-all text-orange-700 underline-offset-2 hover:underline dark:text-orange-400"
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        go(target);
      }}
    >
      {children ?? value}
    </a>
  );
}
