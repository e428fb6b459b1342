import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { SortField } from '../../../lib/view-state.ts';

/** What the table knows of a column besides how to draw it: `columnDef.meta`. */
export interface ColumnFacts {
  /** Its name in the header and the column chooser. */
  label: string;
  /** The BFF sort its header asks for, when it is sortable. */
  sort?: SortField;
  /** Hidden until the user shows it. */
  hiddenByDefault?: boolean;
}

/** Table features the function table uses; sorting and filtering happen in the BFF. */
export const features = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnMeta: {} as ColumnFacts,
});
export type Features = typeof features;
