import type { FunctionView } from '@fc-fleet/fleet-contract';
import { SORT_FIELDS, type SortField } from '@fc-fleet/fleet-contract';

export { SORT_FIELDS, type SortField };

/** A sort: field and direction. */
export interface SortSpec {
  field: SortField;
  dir: 'asc' | 'desc';
}

/** The value a function sorts by; undefined when it has none (those sort last either way). */
export function sortValue(fn: FunctionView, field: SortField): string | number | undefined {
  switch (field) {
    case 'name':
      return fn.functionName;
    case 'lastModifiedTime':
    case 'createdTime':
    case 'runtime':
      return fn[field] ?? undefined;
    case 'memorySize':
    case 'codeSize':
    case 'timeout':
      return fn[field] ?? undefined;
  }
}

/** Compares two sort values in a direction; missing values always go last. */
export function compareValues(
  a: string | number | undefined,
  b: string | number | undefined,
  dir: 'asc' | 'desc',
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const order = a < b ? -1 : 1;
  return dir === 'asc' ? order : -order;
}
