import { FILTER_NAMES, type ListFilters, parseFilters } from '@fc-fleet/fleet-contract';
import type { Account } from '../accounts/account.ts';
import { ApiError } from '../errors.ts';
import { clip, intParam, readParams, stringParam } from './query-params.ts';
import { SORT_FIELDS, type SortField, type SortSpec } from './sort-spec.ts';

/** A validated `GET /api/functions` (or `/api/facets`) request. */
export interface ListRequest {
  accounts: readonly Account[];
  regions: string[];
  /** The filters, as the shared contract defines and checks them. */
  filters: ListFilters;
  sort: SortSpec;
  limit: number;
  cursor?: string;
}

/** Every filter parameter: what `GET /api/facets` takes. */
export const FILTER_PARAMS = ['account', 'region', ...FILTER_NAMES] as const;
/** Every parameter `GET /api/functions` takes. */
export const LIST_PARAMS = [...FILTER_PARAMS, 'sort', 'limit', 'cursor'] as const;

export const DEFAULT_LIMIT = 50;

function parseSort(value: string | undefined): SortSpec {
  if (!value) return { field: 'name', dir: 'asc' };
  const [field, dir = 'asc', extra] = value.split(':');
  if (
    extra !== undefined ||
    !(SORT_FIELDS as readonly string[]).includes(field ?? '') ||
    (dir !== 'asc' && dir !== 'desc')
  ) {
    throw new ApiError(
      'InvalidParameter',
      `Parameter "sort" must be one of ${SORT_FIELDS.join(', ')}, optionally with :asc or :desc (got "${clip(value)}").`,
    );
  }
  return { field: field as SortField, dir };
}

/**
 * The accounts and regions a request names: one account (the first by default) or `all`, and a
 * region, a comma list of them, or `all` of the chosen accounts' regions. Shared by every route
 * that takes the list's filters.
 */
export function parseScope(
  p: ReadonlyMap<string, string>,
  accounts: readonly Account[],
): { accounts: readonly Account[]; regions: string[] } {
  const alias = p.get('account');
  let chosen: readonly Account[];
  if (alias === 'all') chosen = accounts;
  else {
    const account = alias ? accounts.find((a) => a.alias === alias) : accounts[0];
    if (!account)
      throw new ApiError(
        'UnknownAccount',
        `Unknown account "${clip(alias ?? '')}". Known: ${accounts.map((a) => a.alias).join(', ')}, or all.`,
      );
    chosen = [account];
  }
  const configured = [...new Set(chosen.flatMap((a) => a.regions))];
  const regionParam = p.get('region');
  if (!regionParam)
    return { accounts: chosen, regions: alias === 'all' ? configured : [chosen[0]?.regions[0] ?? ''] };
  if (regionParam === 'all') return { accounts: chosen, regions: configured };
  const regions = [...new Set(regionParam.split(',').map((r) => r.trim()))];
  const unknown = regions.filter((r) => !configured.includes(r));
  // Never empty: `,` alone is one unknown region, ''.
  if (unknown.length > 0) {
    throw new ApiError(
      'UnknownRegion',
      `Region "${clip(unknown.join(',') || regionParam)}" is not configured for ${alias === 'all' ? 'any account' : `account ${chosen[0]?.alias ?? ''}`}. Configured: ${configured.join(', ')}, or all.`,
    );
  }
  return { accounts: chosen, regions };
}

/** Validates every parameter of `GET /api/functions`; throws `ApiError` naming the first bad one. */
export function parseListQuery(url: URL, accounts: readonly Account[]): ListRequest {
  return parseFilterQuery(url, accounts, LIST_PARAMS);
}

/** Validates the filters (and, when `allowed` includes them, sort, limit and cursor) of a request. */
export function parseFilterQuery(
  url: URL,
  accounts: readonly Account[],
  allowed: readonly string[],
): ListRequest {
  const p = readParams(url, allowed);
  const scope = parseScope(p, accounts);
  const { filters, problems } = parseFilters((name) => p.get(name));
  const problem = problems[0];
  if (problem) throw new ApiError('InvalidParameter', `Parameter "${problem.param}" ${problem.message}.`);
  return {
    accounts: scope.accounts,
    regions: scope.regions,
    filters,
    sort: parseSort(p.get('sort')),
    limit: intParam(p, 'limit', 1, 100) ?? DEFAULT_LIMIT,
    cursor: stringParam(p, 'cursor', 8192),
  };
}
