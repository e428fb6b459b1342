import type { EmulatorError } from '../errors.ts';
import { invalidArgument } from '../errors.ts';
import type { StoredFunction } from '../fleet/region-fleet.ts';

/** A validated ListFunctions query. */
export interface ListQuery {
  limit: number;
  nextToken?: string;
  prefix: string;
  matches: (stored: StoredFunction) => boolean;
}

/** The cloud's default page size when `limit` is absent (FC 2.0 documents 20). */
export const DEFAULT_LIMIT = 20;

function parseTags(raw: string): { Key: string; Value?: string }[] | EmulatorError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return invalidArgument('tags must be a JSON array such as [{"Key":"env","Value":"prod"}].');
  }
  if (!Array.isArray(parsed) || parsed.length > 20)
    return invalidArgument('tags must be a JSON array of at most 20 {"Key","Value"} objects.');
  const tags: { Key: string; Value?: string }[] = [];
  for (const item of parsed) {
    const key = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).Key : undefined;
    const value =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>).Value : undefined;
    if (typeof key !== 'string' || key === '' || (value !== undefined && typeof value !== 'string')) {
      return invalidArgument('each tag needs a non-empty string Key and an optional string Value.');
    }
    tags.push(value === undefined ? { Key: key } : { Key: key, Value: value });
  }
  return tags;
}

/** Validates ListFunctions' query the way the cloud does; every refusal names the parameter. */
export function parseListQuery(query: Record<string, string>): ListQuery | EmulatorError {
  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    if (!/^\d{1,4}$/.test(query.limit) || Number(query.limit) < 1 || Number(query.limit) > 100) {
      return invalidArgument(`limit must be an integer from 1 to 100, got "${query.limit.slice(0, 32)}".`);
    }
    limit = Number(query.limit);
  }
  const fcVersion = query.fcVersion || undefined;
  if (fcVersion !== undefined && fcVersion !== 'v3' && fcVersion !== 'v2') {
    return invalidArgument(`fcVersion must be v3 or v2, got "${fcVersion.slice(0, 32)}".`);
  }
  for (const name of [
    'prefix',
    'runtime',
    'gpuType',
    'description',
    'functionName',
    'resourceGroupId',
  ] as const) {
    if ((query[name]?.length ?? 0) > 256) return invalidArgument(`${name} is longer than 256 characters.`);
  }
  const tags = query.tags ? parseTags(query.tags) : [];
  if (!Array.isArray(tags)) return tags;
  const description = query.description?.toLowerCase() || undefined;
  const functionName = query.functionName || undefined;
  const { runtime, gpuType, resourceGroupId } = query;
  const matches = (stored: StoredFunction): boolean => {
    const fn = stored.fn;
    if (fcVersion && stored.fcVersion !== fcVersion) return false;
    if (runtime && fn.runtime !== runtime) return false;
    if (gpuType && fn.gpuConfig?.gpuType !== gpuType) return false;
    if (resourceGroupId && fn.resourceGroupId !== resourceGroupId) return false;
    if (description && !(fn.description ?? '').toLowerCase().includes(description)) return false;
    if (functionName && !fn.functionName.includes(functionName)) return false;
    return tags.every((tag) =>
      (fn.tags ?? []).some((t) => t.Key === tag.Key && (tag.Value === undefined || t.Value === tag.Value)),
    );
  };
  return { limit, nextToken: query.nextToken || undefined, prefix: query.prefix ?? '', matches };
}
