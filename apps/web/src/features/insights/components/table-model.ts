import { csvText } from '../../../lib/csv.ts';
import { formatCount } from '../../../lib/format.ts';
import type { ElementLink } from './insight-link.tsx';

/** A column of a chart's table: its header, the CSV's when it differs (a unit), and how a cell reads on screen. */
export interface TableColumn {
  name: string;
  /** The CSV's header, which names the unit of the raw numbers (`GPU memory (MB)`). */
  csv?: string;
  format?: (value: string | number) => string;
}

/** One line of a chart's table; `link` makes one of its cells the element's link. */
export interface TableRow {
  key: string;
  cells: (string | number)[];
  link?: ElementLink & { column: number };
}

/**
 * The numbers of a chart as a table: what the "Show as table" view and the CSV download both
 * show, so the chart, its table and its file never disagree.
 */
export interface TableModel {
  columns: TableColumn[];
  rows: TableRow[];
}

/** True when a column holds numbers (they align right); empty cells do not count. */
export const isNumeric = (table: TableModel, column: number) =>
  table.rows.some((r) => typeof r.cells[column] === 'number');

/** A cell as it reads on screen: numbers with separators unless the column says otherwise. */
export function cellText(column: TableColumn | undefined, value: string | number): string {
  if (column?.format) return column.format(value);
  return typeof value === 'number' ? formatCount(value) : value;
}

/**
 * The table as CSV: the header, then the raw values (numbers unformatted, so a spreadsheet can
 * add them up), every cell escaped against formula injection.
 */
export function tableCsv(table: TableModel): string {
  return csvText([table.columns.map((c) => c.csv ?? c.name), ...table.rows.map((r) => r.cells)]);
}
