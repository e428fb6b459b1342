import type { ReactNode } from 'react';
import { BarList } from './bar-list.tsx';
import { ChartCard } from './chart-card.tsx';
import { datumName, type InsightDatum } from './insight-data.ts';
import type { PickTo } from './insight-link.tsx';
import type { TableModel } from './table-model.ts';

/**
 * The table of a chart's elements: one line each, its number the same link as its bar or slice.
 * @example datumTable(runtimeData(answer), to, 'Runtime') // { columns: [Runtime, Functions], rows: [...] }
 */
export function datumTable(data: readonly InsightDatum[], to: PickTo, labelHeader: string): TableModel {
  return {
    columns: [{ name: labelHeader }, { name: 'Functions' }],
    rows: data.map((d) => ({
      key: d.key,
      cells: [d.label, d.count],
      ...(d.pick ? { link: { column: 1, to: to(d.pick), count: d.count, name: datumName(d) } } : {}),
    })),
  };
}

/** A card of horizontal bars: a count per value (runtimes, regions, tags, …). */
export function BarCard({
  title,
  file,
  labelHeader,
  data,
  to,
  note,
  className,
}: {
  title: string;
  file: string;
  labelHeader: string;
  data: readonly InsightDatum[];
  to: PickTo;
  note?: ReactNode;
  className?: string;
}) {
  return (
    <ChartCard
      title={title}
      file={file}
      table={datumTable(data, to, labelHeader)}
      note={note}
      className={className}
    >
      <BarList data={data} to={to} title={title} />
    </ChartCard>
  );
}
