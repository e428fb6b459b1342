import { serializeView } from './url-state.ts';
import { PAGES, type Page, type ViewState } from './view-state.ts';

/**
 * A link to a page with a query string (`?…` or `''`), relative to the document base (see
 * {@link viewHref}): the table is the base itself, another page the segment after it.
 * @example pageHref('insights', '?region=all') // './insights?region=all'
 */
export function pageHref(page: Page, search: string): string {
  return `./${page === 'functions' ? '' : page}${search}`;
}

/**
 * A link to a view, relative to the document base: the BFF injects `<base href="{FC_BASE_PATH}/">`,
 * so `./?query` always lands on the dashboard of this origin, and `./changes?query` on its
 * Changes page. Never build a link from `location.pathname`: when the page is shown at
 * `//evil.example/x`, that path is a protocol-relative URL and the link would leave for evil.example.
 * @example viewHref({ ...DEFAULT_VIEW, has: ['gpu'] }) // './?has=gpu'
 * @example viewHref({ ...DEFAULT_VIEW, page: 'changes', changes: { kinds: ['deleted'] } }) // './changes?kind=deleted'
 */
export function viewHref(view: ViewState): string {
  return pageHref(view.page, serializeView(view));
}

/**
 * The page a path segment names (`changes`, `insights/`); anything else is the table.
 * @example pageNamed('insights/') // 'insights'
 */
export function pageNamed(segment: string): Page {
  const name = segment.endsWith('/') ? segment.slice(0, -1) : segment;
  return PAGES.find((page) => page !== 'functions' && page === name) ?? 'functions';
}

/**
 * The page an address shows: the path segment after the document base (`''` is the table,
 * `changes` the Changes page, `insights` the Insights page). Both paths are read through `URL`,
 * never from `location.pathname` as a string to build on, and anything else under the base is the table.
 * @example pageOf('https://h/fleet/changes?kind=deleted', 'https://h/fleet/') // 'changes'
 */
export function pageOf(href: string, baseURI: string): Page {
  const path = new URL(href).pathname;
  const base = new URL(baseURI).pathname;
  return pageNamed(path.startsWith(base) ? path.slice(base.length) : '');
}

/** The page this document shows now. */
export const currentPage = (): Page => pageOf(window.location.href, document.baseURI);
