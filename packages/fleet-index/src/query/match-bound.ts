import { featureMask } from '../sync/function-row.ts';
import { CODED, termCode, termCodes } from './facet-filters.ts';
import type { IndexFilters, Param } from './index-filters.ts';

const totalOf = (where: string, memory: string) =>
  `(select coalesce(sum(n), 0) from fleet_facet_total where ${where} ${memory})`;

/**
 * An upper bound of how many functions pass the coded filters, from the fleet-wide counts: the
 * smallest count among them (under the memory filters). Undefined when no filter is coded.
 * @example matchBound({ runtime: 'go1', has: ['gpu'] }, p); // 'least((select ...), (select ...))'
 */
export function matchBound(filters: IndexFilters, p: Param): string | undefined {
  const mask = featureMask(filters.has ?? []);
  if (mask === undefined) return '0';
  // The kept counts are per account, region and memory size, so every bound is taken within them.
  const memory = [
    filters.memoryMin === undefined ? '' : `and memory >= ${p(filters.memoryMin)}::integer`,
    filters.memoryMax === undefined ? '' : `and memory <= ${p(filters.memoryMax)}::integer`,
    placeOf(filters, p),
  ].join(' ');
  const parts: string[] = [];
  for (const [key, owner] of CODED) {
    const value = filters[key];
    if (value) parts.push(totalOf(`facet = '${owner}' and code = ${termCode(p, owner, value)}`, memory));
  }
  if (filters.internetAccess !== undefined)
    parts.push(totalOf(`facet = 'internetAccess' and code = ${filters.internetAccess ? 1 : 0}`, memory));
  for (let bit = 0; bit < 8; bit++)
    if (mask & (1 << bit)) parts.push(totalOf(`facet = 'has' and code = ${bit}`, memory));
  for (const tag of filters.tags ?? [])
    if ((tag.Key === 'env' || tag.Key === 'team') && tag.Value)
      parts.push(totalOf(`facet = '${tag.Key}' and code = ${termCode(p, tag.Key, tag.Value)}`, memory));
  if (parts.length === 0 && memory.trim()) parts.push(totalOf(`facet = 'total'`, memory));
  return parts.length ? `least(${parts.join(', ')})` : undefined;
}

/**
 * The account and region filters as conditions on the kept counts (empty without them).
 * @example placeOf({ regions: ['cn-hangzhou'] }, p); // "and region = any(array(select code ...))"
 */
export function placeOf(filters: IndexFilters, p: Param): string {
  return [
    filters.accounts ? `and account = any(${termCodes(p, 'account', filters.accounts)})` : '',
    filters.regions ? `and region = any(${termCodes(p, 'region', filters.regions)})` : '',
  ].join(' ');
}
