import { cn } from '../../../lib/cn.ts';
import { InsightLink } from './insight-link.tsx';
import { cellText, isNumeric, type TableModel } from './table-model.ts';

const linkClass =
  'rounded text-orange-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-orange-400';

/** A chart's numbers as a table, with the same links as the chart's elements. */
export function InsightTable({ table, caption }: { table: TableModel; caption: string }) {
  const align = (i: number) => (isNumeric(table, i) ? 'text-right tabular-nums' : 'text-left');
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left dark:border-slate-700">
            {table.columns.map((column, i) => (
              <th
                key={column.name}
                scope="col"
                className={cn('px-2 py-1 font-medium text-slate-600 dark:text-slate-300', align(i))}
              >
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100 dark:border-slate-800">
              {row.cells.map((value, i) => {
                const text = cellText(table.columns[i], value);
                const link = row.link?.column === i ? row.link : undefined;
                const Cell = i === 0 ? 'th' : 'td';
                return (
                  <Cell
                    key={table.columns[i]?.name ?? i}
                    scope={i === 0 ? 'row' : undefined}
                    className={cn('px-2 py-1 font-normal', align(i))}
                  >
                    {link ? (
                      <InsightLink
                        to={link.to}
                        count={link.count}
                        name={link.name}
                        testId={link.testId}
                        className={linkClass}
                      >
                        {text}
                      </InsightLink>
                    ) : (
                      text
                    )}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
