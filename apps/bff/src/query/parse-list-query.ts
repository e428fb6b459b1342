import { HAS_VALUES } from '@fc-fleet/fleet-contract';
import type { Account } from '../accounts/account.ts';
import { ApiError } from '../errors.ts';
import type { NativeFilters } from '../upstream/fleet-source.ts';
import type { ExtendedFilters } from './extended-filters.ts';
import { boolParam, clip, enumListParam, intParam, readParams, stringParam } from './query-params.ts';
import { SORT_FIELDS, type SortField, type SortSpec } from './sort-spec.ts';

/** A validated `GET /api/functions` request. */
export interface ListRequest {
  accounts: readonly Account[];
  regions: string[];
  native: NativeFilters;
  extended: ExtendedFilters;
  sort: SortSpec;
  limit: number;
  cursor?: string;
}

const NATIVE = [
  'prefix',
  'fcVersion',
  'runtime',
  'gpuType',
  'description',
  'tags',
  'resourceGroupId',
] as const;
const EXTENDED = [
  'q',
  'vpcId',
  'vSwitchId',
  'securityGroupId',
  'nasServer',
  'ossBucket',
  'image',
  'layer',
  'has',
  'internetAccess',
  'memoryMin',
  'memoryMax',
  'role',
] as const;
/** Every filter parameter: what `GET /api/facets` takes. */
export const FILTER_PARAMS = ['account', 'region', ...NATIVE, ...EXTENDED] as const;
/** Every parameter `GET /api/functions` takes. */
export const LIST_PARAMS = [...FILTER_PARAMS, 'sort', 'limit', 'cursor'] as const;

const ID = /^[A-Za-z0-9][\w.:-]*$/;
export const DEFAULT_LIMIT = 50;

function parseTags(value: string | undefined): NativeFilters['tags'] {
  if (!value) return undefined;
  const tags = value
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const Key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      if (!Key || Key.length > 128)
        throw new ApiError(
          'InvalidParameter',
          `Parameter "tags" takes key=value pairs separated by commas (got "${clip(pair)}").`,
        );
      return eq < 0 ? { Key } : { Key, Value: pair.slice(eq + 1) };
    });
  if (tags.length > 20) throw new ApiError('InvalidParameter', 'Parameter "tags" takes at most 20 pairs.');
  return tags;
}

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
  if (unknown.length > 0 || regions.length === 0) {
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
  const fcVersion = stringParam(p, 'fcVersion', 2, /^v[23]$/, 'v2 or v3') as 'v2' | 'v3' | undefined;
  const native: NativeFilters = {
    prefix: stringParam(p, 'prefix', 128),
    fcVersion,
    runtime: stringParam(p, 'runtime', 64, /^[a-z][a-z0-9.-]*$/, 'a runtime such as python3.10'),
    gpuType: stringParam(p, 'gpuType', 64, /^[a-z][a-z0-9.-]*$/, 'a GPU type such as fc.gpu.ampere.1'),
    description: stringParam(p, 'description', 256),
    tags: parseTags(stringParam(p, 'tags', 2048)),
    resourceGroupId: stringParam(p, 'resourceGroupId', 128, ID),
  };
  const extended: ExtendedFilters = {
    q: stringParam(p, 'q', 256),
    vpcId: stringParam(p, 'vpcId', 128, ID),
    vSwitchId: stringParam(p, 'vSwitchId', 128, ID),
    securityGroupId: stringParam(p, 'securityGroupId', 128, ID),
    nasServer: stringParam(p, 'nasServer', 256),
    ossBucket: stringParam(p, 'ossBucket', 128, /^[a-z0-9][a-z0-9-]*$/, 'an OSS bucket name'),
    image: stringParam(p, 'image', 512),
    layer: stringParam(p, 'layer', 512),
    has: enumListParam(p, 'has', HAS_VALUES),
    internetAccess: boolParam(p, 'internetAccess'),
    memoryMin: intParam(p, 'memoryMin', 0, 1_048_576),
    memoryMax: intParam(p, 'memoryMax', 0, 1_048_576),
    role: stringParam(p, 'role', 512),
  };
  if (
    extended.memoryMin !== undefined &&
    extended.memoryMax !== undefined &&
    extended.memoryMin > extended.memoryMax
  ) {
    throw new ApiError(
      'InvalidParameter',
      `memoryMin (${extended.memoryMin}) is larger than memoryMax (${extended.memoryMax}).`,
    );
  }
  return {
    accounts: scope.accounts,
    regions: scope.regions,
    native,
    extended,
    sort: parseSort(p.get('sort')),
    limit: intParam(p, 'limit', 1, 100) ?? DEFAULT_LIMIT,
    cursor: stringParam(p, 'cursor', 8192),
  };
}
