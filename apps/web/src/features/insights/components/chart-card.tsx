import { type ReactNode, useId, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { cn } from '../../../lib/cn.ts';
import { downloadFile, stampedName } from '../../../lib/csv.ts';
import { InsightTable } from './insight-table.tsx';
import { type TableModel, tableCsv } from './table-model.ts';

/**
 * One card of the insights: a heading, the chart (or, at "Show as table", its numbers as a table
 * with the same links) and a CSV download of those numbers. `file` names the download.
 * A card whose content is already a table or text passes `table` without `children`. A card with
 * nothing to count in the view says `empty` instead, with nothing to show as a table or download.
 */
export function ChartCard({
  title,
  file,
  table,
  note,
  empty = 'None in this view.',
  className,
  children,
}: {
  title: string;
  file: string;
  table: TableModel;
  note?: ReactNode;
  /** What the card says when its table has no line. */
  empty?: string;
  className?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const showTable = asTable || children === undefined;
  const isEmpty = table.rows.length === 0;
  return (
    <section
      aria-labelledby={id}
      className={cn(
        'flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900',
        className,
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={id} className="mr-auto text-sm font-semibold text-slate-900 dark:text-slate-50">
          {title}
        </h2>
        {children === undefined || isEmpty ? null : (
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={asTable}
            className="aria-pressed:bg-slate-200 dark:aria-pressed:bg-slate-700"
            onClick={() => setAsTable((t) => !t)}
          >
            Show as table
          </Button>
        )}
        {isEmpty ? null : (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Download ${title} as CSV`}
            onClick={() =>
              downloadFile(tableCsv(table), 'text/csv;charset=utf-8', stampedName(`fc-fleet-${file}`, 'csv'))
            }
          >
            CSV
          </Button>
        )}
      </div>
      {isEmpty ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{empty}</p>
      ) : (
        <>
          {note ? <div className="text-xs text-slate-600 dark:text-slate-300">{note}</div> : null}
          {showTable ? <InsightTable table={table} caption={title} /> : children}
        </>
      )}
    </section>
  );
}
