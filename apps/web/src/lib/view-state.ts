import {
  type ChangedWithin,
  type ChangeQuery,
  HAS_VALUES,
  type HasValue,
  type Lifecycle,
  SORT_FIELDS,
  type SortField,
  TEXT_FILTER_NAMES,
  type TextFilterName,
} from '@fc-fleet/fleet-contract';

export { HAS_VALUES, type HasValue, SORT_FIELDS, type SortField };

/** Drawer tabs, in display order. */
export const DRAWER_TABS = [
  'overview',
  'network',
  'nas',
  'oss',
  'container',
  'gpu',
  'observability',
  'config',
  'history',
  'json',
] as const;
export type DrawerTab = (typeof DRAWER_TABS)[number];

/** Text filters (the contract's text and `tags` filters): each maps to the BFF parameter of the same name. */
export const TEXT_FILTERS = TEXT_FILTER_NAMES as readonly TextFilterName[];
export type TextFilter = TextFilterName;

/** The `account` value that lists every configured account at once. */
export const ALL_ACCOUNTS = 'all';

/** The pages of the dashboard: the table at the base path, the change history at `changes`, the charts at `insights`. */
export const PAGES = ['functions', 'changes', 'insights'] as const;
export type Page = (typeof PAGES)[number];

/** Everything a colleague needs to see the same view; all of it lives in the URL. */
export interface ViewState {
  /** Which page: the path segment after the base (`''` is the table). */
  page: Page;
  /** An account alias, `all` ({@link ALL_ACCOUNTS}), or absent: the first configured account. */
  account?: string;
  /** Empty: the account's first region; `all`; or a list. */
  regions: string[] | 'all';
  text: Partial<Record<TextFilter, string>>;
  fcVersion?: 'v2' | 'v3';
  has: HasValue[];
  /** Features the functions must not have (`lacks=vpc`: outside any VPC). */
  lacks: HasValue[];
  /** The runtime's lifecycle status (`lifecycle=`). */
  lifecycle?: Lifecycle;
  internetAccess?: boolean;
  memoryMin?: number;
  memoryMax?: number;
  /** Functions a pass saw change within this window (`changed=`). */
  changed?: ChangedWithin;
  /** The Changes page's own filters (kind, field, name, since, until); empty on the table. */
  changes: ChangeQuery;
  sort: { field: SortField; dir: 'asc' | 'desc' };
  /**
   * The open drawer: `fn=region/name`, or under "All accounts" `fn=account/region/name` (two
   * accounts may have a function of the same name in the same region).
   */
  fn?: { account?: string; region: string; name: string };
  tab: DrawerTab;
  embed: boolean;
  theme: 'light' | 'dark' | 'system';
}

/** The view with nothing chosen. */
export const DEFAULT_VIEW: ViewState = {
  page: 'functions',
  regions: [],
  text: {},
  has: [],
  lacks: [],
  changes: {},
  sort: { field: 'name', dir: 'asc' },
  tab: 'overview',
  embed: false,
  theme: 'system',
};

/** The account and regions of a view, as the BFF's `account` and `region` parameters. */
export function scopeParams(view: ViewState): URLSearchParams {
  const out = new URLSearchParams();
  if (view.account) out.set('account', view.account);
  if (view.regions === 'all') out.set('region', 'all');
  else if (view.regions.length > 0) out.set('region', view.regions.join(','));
  return out;
}

/** The functions a view selects, without their order: the query of `/api/facets`. */
export function filterParams(view: ViewState): URLSearchParams {
  const out = scopeParams(view);
  for (const name of TEXT_FILTERS) {
    const value = view.text[name]?.trim();
    if (value) out.set(name, value);
  }
  if (view.fcVersion) out.set('fcVersion', view.fcVersion);
  if (view.has.length) out.set('has', view.has.join(','));
  if (view.lacks.length) out.set('lacks', view.lacks.join(','));
  if (view.lifecycle) out.set('lifecycle', view.lifecycle);
  if (view.internetAccess !== undefined) out.set('internetAccess', String(view.internetAccess));
  if (view.memoryMin !== undefined) out.set('memoryMin', String(view.memoryMin));
  if (view.memoryMax !== undefined) out.set('memoryMax', String(view.memoryMax));
  if (view.changed) out.set('changed', view.changed);
  return out;
}

/**
 * True when the view narrows its account and regions by anything (search, facets, memory, …).
 * @example isFiltered({ ...DEFAULT_VIEW, regions: 'all' }) // false
 */
export const isFiltered = (view: ViewState): boolean =>
  filterParams(view).toString() !== scopeParams(view).toString();

/**
 * The filters of a view in a normal form (features sorted; the parameters in the one order
 * `filterParams` writes them), so every view that selects the same functions shares one cached
 * answer (`/api/facets`, `/api/insights`).
 * @example selectionKey({ ...DEFAULT_VIEW, has: ['vpc', 'gpu'] }) // 'has=gpu%2Cvpc'
 */
export function selectionKey(view: ViewState): string {
  return filterParams({ ...view, has: [...view.has].sort(), lacks: [...view.lacks].sort() }).toString();
}

/** The BFF query for a view (no cursor, no limit): the filters, the regions and the sort. */
export function listingParams(view: ViewState): URLSearchParams {
  const out = filterParams(view);
  if (view.sort.field !== 'name' || view.sort.dir !== 'asc')
    out.set('sort', `${view.sort.field}:${view.sort.dir}`);
  return out;
}
