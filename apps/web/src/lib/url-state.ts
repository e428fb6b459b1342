import { parseChangeQuery, parseFilters, writeChangeQuery } from '@fc-fleet/fleet-contract';
import {
  DEFAULT_VIEW,
  DRAWER_TABS,
  type DrawerTab,
  filterParams,
  listingParams,
  type Page,
  SORT_FIELDS,
  type SortField,
  TEXT_FILTERS,
  type ViewState,
} from './view-state.ts';

/** A view read from a URL, with what had to be dropped and why. */
export interface ParsedView {
  view: ViewState;
  problems: string[];
}

const KNOWN = new Set<string>([
  'account',
  'region',
  'fcVersion',
  'has',
  'lacks',
  'lifecycle',
  'internetAccess',
  'memoryMin',
  'memoryMax',
  'changed',
  'sort',
  'fn',
  'tab',
  'embed',
  'theme',
  ...TEXT_FILTERS,
]);
// The Changes page's own parameters: on the table they are unknown.
const CHANGE_PARAMS = new Set<string>(['kind', 'field', 'name', 'since', 'until']);
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const ALIAS = /^[A-Za-z0-9][\w.-]{0,63}$/;
const show = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads a view of a page from a query string. Anything invalid is dropped with a readable reason,
 * never thrown: a pasted link always opens something sensible.
 * @example parseView('?region=all&has=gpu&fn=cn-hangzhou/api').view.fn // { region: 'cn-hangzhou', name: 'api' }
 * @example parseView('?kind=deleted&since=7d', 'changes').view.changes // { kinds: ['deleted'], since: '7d' }
 */
export function parseView(search: string, page: Page = 'functions', now = Date.now()): ParsedView {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const view: ViewState = {
    ...DEFAULT_VIEW,
    page,
    text: {},
    has: [],
    lacks: [],
    changes: {},
    sort: { ...DEFAULT_VIEW.sort },
  };
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key) && !(page === 'changes' && CHANGE_PARAMS.has(key)))
      problems.push(`Ignored the unknown parameter "${show(key)}".`);
    else if (params.getAll(key).length > 1)
      problems.push(`"${key}" was given more than once; the first value is used.`);
  }
  const account = params.get('account');
  if (account) {
    if (/^[\w.-]{1,40}$/.test(account)) view.account = account;
    else problems.push(`Ignored account="${show(account)}": not an account name.`);
  }
  const region = params.get('region');
  if (region === 'all') view.regions = 'all';
  else if (region) {
    const list = region
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const good = list.filter((r) => REGION.test(r));
    for (const bad of list.filter((r) => !REGION.test(r)))
      problems.push(`Ignored region "${show(bad)}": not a region id.`);
    view.regions = [...new Set(good)];
  }
  // The filters are read by the contract the BFF also checks them with; what fails is dropped.
  const read = parseFilters((name) => params.get(name) ?? undefined);
  for (const problem of read.problems) problems.push(`Ignored ${problem.param}: it ${problem.message}.`);
  const { filters } = read;
  for (const name of TEXT_FILTERS) {
    const value = params.get(name);
    if (value && filters[name] !== undefined) view.text[name] = value;
  }
  view.fcVersion = filters.fcVersion;
  view.has = filters.has ?? [];
  view.lacks = filters.lacks ?? [];
  view.lifecycle = filters.lifecycle;
  view.internetAccess = filters.internetAccess;
  view.memoryMin = filters.memoryMin;
  view.memoryMax = filters.memoryMax;
  view.changed = filters.changed;
  if (page === 'changes') {
    const read = parseChangeQuery((name) => params.get(name) ?? undefined, now);
    for (const problem of read.problems) problems.push(`Ignored ${problem.param}: it ${problem.message}.`);
    view.changes = read.query;
  }
  const sort = params.get('sort');
  if (sort) {
    const [field, dir = 'asc'] = sort.split(':');
    if ((SORT_FIELDS as readonly string[]).includes(field ?? '') && (dir === 'asc' || dir === 'desc'))
      view.sort = { field: field as SortField, dir };
    else problems.push(`Ignored sort="${show(sort)}"; sorted by name instead.`);
  }
  const fn = params.get('fn');
  if (fn) {
    const parts = fn.split('/');
    const [account, fnRegion = '', name = ''] = parts.length === 3 ? parts : [undefined, ...parts];
    if (
      parts.length <= 3 &&
      REGION.test(fnRegion) &&
      name.length > 0 &&
      name.length <= 128 &&
      (account === undefined || ALIAS.test(account))
    )
      view.fn = { ...(account === undefined ? {} : { account }), region: fnRegion, name };
    else problems.push(`Could not open fn="${show(fn)}": expected region/name or account/region/name.`);
  }
  const tab = params.get('tab');
  if (tab && (DRAWER_TABS as readonly string[]).includes(tab)) view.tab = tab as DrawerTab;
  else if (tab) problems.push(`Unknown drawer tab "${show(tab)}"; showing the overview.`);
  view.embed = params.get('embed') === '1' || params.get('embed') === 'true';
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'system') view.theme = theme;
  else if (theme) problems.push(`Unknown theme "${show(theme)}"; following the system.`);
  return { view, problems };
}

/**
 * URL parameters as a query string (`?…`, or `''` when there are none) that people can read: `/`,
 * `,` and `:` are left as they are, which a query string allows.
 * @example readableQuery(new URLSearchParams('has=gpu,vpc')) // '?has=gpu,vpc'
 */
export function readableQuery(params: URLSearchParams): string {
  const text = params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}

/** What a page writes of the view's selection: the table its sort, the Changes page its own filters. */
function pageParams(view: ViewState): URLSearchParams {
  if (view.page === 'changes') return writeChangeQuery(view.changes, filterParams(view));
  return view.page === 'insights' ? filterParams(view) : listingParams(view);
}

/**
 * Writes a view as a query string, in a stable order, leaving out defaults and what its page does
 * not use: the table's sort and drawer, or the Changes page's own filters.
 */
export function serializeView(view: ViewState): string {
  const out = pageParams(view);
  if (view.page === 'functions' && view.fn) {
    out.set('fn', [view.fn.account, view.fn.region, view.fn.name].filter(Boolean).join('/'));
    if (view.tab !== 'overview') out.set('tab', view.tab);
  }
  if (view.embed) out.set('embed', '1');
  if (view.theme !== 'system') out.set('theme', view.theme);
  return readableQuery(out);
}
