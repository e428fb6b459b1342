import { SORT_FIELDS, type SortField } from '@fc-fleet/fleet-contract';

export { SORT_FIELDS, type SortField };

/** A sort: field and direction. */
export interface SortSpec {
  field: SortField;
  dir: 'asc' | 'desc';
}
