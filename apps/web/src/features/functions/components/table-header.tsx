import type { ReactTable } from '@tanstack/react-table';
import { cn } from '../../../lib/cn.ts';
import { useView } from '../../../lib/view-context.tsx';
import type { ViewState } from '../../../lib/view-state.ts';
import type { FleetRow } from '../api/types.ts';
import type { Features } from './table-features.ts';

/** Sticky header: click a sortable title to sort in the BFF; drag the edge to resize. */
export function TableHeader({ table }: { table: ReactTable<Features, FleetRow> }) {
  const { view, go } = useView();
  const onSort = (sort: ViewState['sort']) => go({ ...view, sort });
  return (
    <thead className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} className="flex w-full" aria-rowindex={1}>
          {group.headers.map((header) => {
            const field = header.column.columnDef.meta?.sort;
            const sorted = field && view.sort.field === field ? view.sort.dir : undefined;
            const ariaSort =
              sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : field ? 'none' : undefined;
            const next = () => {
              if (!field) return;
              onSort({
                field,
                dir:
                  sorted === 'asc' && field !== 'name'
                    ? 'desc'
                    : sorted === 'desc'
                      ? 'asc'
                      : field === 'name'
                        ? 'asc'
                        : 'desc',
              });
            };
            return (
              <th
                key={header.id}
                aria-sort={ariaSort}
                className="relative flex items-center overflow-hidden px-3 py-2 text-left text-xs font-semibold whitespace-nowrap uppercase tracking-wide text-slate-600 dark:text-slate-300"
                style={{ width: header.getSize() }}
              >
                {field ? (
                  <button
                    type="button"
                    onClick={next}
                    className="flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white"
                  >
                    <table.FlexRender header={header} />
                    <span aria-hidden="true" className={cn('text-[10px]', !sorted && 'opacity-30')}>
                      {sorted === 'desc' ? '▼' : '▲'}
                    </span>
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
                {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only resize grip; widths reset from the Columns menu */}
                <span
                  role="presentation"
                  onMouseDown={header.getResizeHandler()}
                  onTouchStart={header.getResizeHandler()}
                  onDoubleClick={() => header.column.resetSize()}
                  className="absolute top-0 right-0 h-full w-1.5 cursor-col-resize select-none hover:bg-orange-400"
                />
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
