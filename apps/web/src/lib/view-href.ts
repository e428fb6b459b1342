import { serializeView } from './url-state.ts';
import type { ViewState } from './view-state.ts';

/**
 * A link to a view, relative to the document base: the BFF injects `<base href="{FC_BASE_PATH}/">`,
 * so `./?query` always lands on the dashboard of this origin. Never build a link from
 * `location.pathname`: when the page is shown at `//evil.example/x`, that path is a
 * protocol-relative URL and the link would leave for evil.example.
 * @example viewHref({ ...DEFAULT_VIEW, has: ['gpu'] }) // './?has=gpu'
 */
export function viewHref(view: ViewState): string {
  return `./${serializeView(view)}`;
}
