import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { type FleetRow, rowKey } from '../api/types.ts';
import type { ColumnPrefs } from '../hooks/use-column-prefs.ts';
import { buildColumns, HIDDEN_BY_DEFAULT } from './columns.tsx';
import { FunctionRow } from './function-row.tsx';
import { features } from './table-features.ts';
import { TableHeader } from './table-header.tsx';

/** Rows ahead of the viewport at which the next page is requested: about three pages. */
const PREFETCH_ROWS = 300;

/** What the table needs from the list query and the page around it. */
export interface FunctionTableProps {
  rows: FleetRow[];
  showPlace: boolean;
  showAccount: boolean;
  prefs: ColumnPrefs;
  onPrefs: (prefs: Partial<ColumnPrefs>) => void;
  canLoadMore: boolean;
  loadMore: () => void;
  activeKey?: string;
  onActive: (key: string) => void;
  onOpen: (row: FleetRow) => void;
  hrefFor: (row: FleetRow) => string;
  footer: React.ReactNode;
}

/** The virtualised function table: sticky header, infinite scroll, keyboard and pointer navigation. */
export function FunctionTable(props: FunctionTableProps) {
  const { rows, prefs } = props;
  const columns = useMemo(
    () => buildColumns(props.showPlace, props.showAccount),
    [props.showPlace, props.showAccount],
  );
  const state = useMemo(
    () => ({
      columnVisibility: { ...HIDDEN_BY_DEFAULT, ...prefs.visibility },
      columnOrder: prefs.order,
      columnSizing: prefs.sizing,
    }),
    [prefs.visibility, prefs.order, prefs.sizing],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => rowKey(row),
    state,
    onColumnSizingChange: (updater) =>
      props.onPrefs({ sizing: typeof updater === 'function' ? updater(prefs.sizing) : updater }),
    columnResizeMode: 'onChange',
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = prefs.density === 'compact' ? 34 : 48;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: 8,
    // Rows are memoised and moved by transform; React may batch scroll updates with other work.
    useFlushSync: false,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { canLoadMore, loadMore } = props;
  useEffect(() => {
    if (canLoadMore && lastIndex >= tableRows.length - PREFETCH_ROWS) loadMore();
  }, [canLoadMore, loadMore, lastIndex, tableRows.length]);

  const activeIndex = props.activeKey ? tableRows.findIndex((r) => r.id === props.activeKey) : -1;
  const move = (delta: number) => {
    const next = Math.max(0, Math.min(tableRows.length - 1, (activeIndex < 0 ? -1 : activeIndex) + delta));
    const row = tableRows[next];
    if (!row) return;
    props.onActive(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const keys: Record<string, () => void> = {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Home: () => move(-tableRows.length),
      End: () => move(tableRows.length),
      Enter: () => {
        const row = tableRows[activeIndex];
        if (row) props.onOpen(row.original);
      },
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };
  // Rows get one stable handler; it finds the row by key, so scrolling never re-renders rows for it.
  const latest = useRef({ props, tableRows });
  latest.current = { props, tableRows };
  const onPointer = useCallback((event: MouseEvent<HTMLTableRowElement>) => {
    const { props: p, tableRows: current } = latest.current;
    const key = event.currentTarget.dataset.rowKey;
    const row = current.find((r) => r.id === key)?.original;
    if (!row || (event.target as HTMLElement).closest('button')) return;
    const newTab =
      event.type === 'auxclick' ? event.button === 1 : event.ctrlKey || event.metaKey || event.shiftKey;
    if (event.type === 'auxclick' && !newTab) return;
    event.preventDefault();
    if (newTab) {
      window.open(p.hrefFor(row), '_blank', 'noopener');
      return;
    }
    p.onActive(rowKey(row));
    p.onOpen(row);
  }, []);
  const columnsKey = JSON.stringify(state);
  // Links depend on the view only; work each out once, not on every scroll frame.
  const hrefs = useMemo(() => new Map<string, string>(), [props.hrefFor]);
  const hrefOf = (row: FleetRow) => {
    const key = rowKey(row);
    let href = hrefs.get(key);
    if (href === undefined) {
      href = props.hrefFor(row);
      hrefs.set(key, href);
    }
    return href;
  };
  const width = table.getTotalSize();
  return (
    // biome-ignore lint/a11y/useSemanticElements: the virtualiser needs a plain scroll container
    <div
      ref={scrollRef}
      className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-orange-500"
      tabIndex={0}
      role="region"
      aria-label="Functions; use j and k or the arrow keys to move, Enter to open"
      onKeyDown={onKeyDown}
      data-testid="table-scroll"
    >
      <table
        role="grid"
        aria-rowcount={tableRows.length + 1}
        aria-label="Functions"
        className="grid text-sm"
        style={{ width, minWidth: '100%' }}
      >
        <TableHeader table={table} />
        <tbody className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            return row ? (
              <FunctionRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                height={rowHeight}
                active={row.id === props.activeKey}
                href={hrefOf(row.original)}
                onPointer={onPointer}
                columnsKey={columnsKey}
              />
            ) : null;
          })}
        </tbody>
      </table>
      {props.footer}
    </div>
  );
}
