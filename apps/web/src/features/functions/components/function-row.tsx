import { FlexRender, type Row } from '@tanstack/react-table';
import { type MouseEvent, memo } from 'react';
import { cn } from '../../../lib/cn.ts';
import type { FleetRow } from '../api/types.ts';
import type { Features } from './table-features.ts';

/** What one rendered row needs; every prop is stable between scroll frames, so rows re-render only when they change. */
export interface FunctionRowProps {
  row: Row<Features, FleetRow>;
  index: number;
  start: number;
  height: number;
  active: boolean;
  href: string;
  /** One handler for every row: it reads the row key from the element, so it never changes. */
  onPointer: (event: MouseEvent<HTMLTableRowElement>) => void;
  /** Changes when columns are shown, hidden, moved or resized, so cells follow. */
  columnsKey: string;
}

/** One table row, memoised: scrolling moves it with a transform and does not re-render its cells. */
export const FunctionRow = memo(function FunctionRow({
  row,
  index,
  start,
  height,
  active,
  href,
  onPointer,
}: FunctionRowProps) {
  return (
    <tr
      id={`row-${index}`}
      data-index={index}
      data-row-key={row.id}
      aria-rowindex={index + 2}
      aria-selected={active}
      className={cn(
        'absolute flex w-full cursor-pointer border-b border-slate-100 hover:bg-orange-50/60 dark:border-slate-800 dark:hover:bg-slate-800/60',
        active && 'bg-orange-50 outline-2 -outline-offset-2 outline-orange-400 dark:bg-slate-800',
      )}
      style={{ transform: `translateY(${start}px)`, height }}
      onClick={onPointer}
      onAuxClick={onPointer}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className="flex min-w-0 items-center overflow-hidden px-3 whitespace-nowrap"
          style={{ width: cell.column.getSize() }}
        >
          {cell.column.id === 'name' ? (
            <a
              href={href}
              className="flex min-w-0 flex-col no-underline"
              tabIndex={-1}
              onClick={(e) => e.preventDefault()}
            >
              <FlexRender cell={cell} />
            </a>
          ) : (
            <FlexRender cell={cell} />
          )}
        </td>
      ))}
    </tr>
  );
});
