import type { ReactNode } from 'react';
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

/** An id that is also a link to "functions that share it"; a plain click filters in place. */
export function FilterLink({
  view,
  name,
  value,
  go,
  children,
}: {
  view: ViewState;
  name: TextFilter;
  value: string;
  go: (v: ViewState) => void;
  children?: ReactNode;
}) {
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
