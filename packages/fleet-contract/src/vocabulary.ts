/** Feature facets `GET /api/functions?has=` accepts. */
export const HAS_VALUES = ['vpc', 'nas', 'oss', 'gpu', 'container', 'layers', 'tracing', 'logs'] as const;
/** A feature facet. */
export type HasValue = (typeof HAS_VALUES)[number];

/** Fields `GET /api/functions?sort=` accepts, each with `:asc` or `:desc`. */
export const SORT_FIELDS = [
  'name',
  'lastModifiedTime',
  'createdTime',
  'memorySize',
  'codeSize',
  'timeout',
  'runtime',
  /** When a sync pass last saw the function change (functions it never saw change last). */
  'lastChange',
] as const;
/** A sort field. */
export type SortField = (typeof SORT_FIELDS)[number];
