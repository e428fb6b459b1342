import { datumTable } from './bar-card.tsx';
import { ChartCard } from './chart-card.tsx';
import { ColumnChart } from './column-chart.tsx';
import { datumName, linkable, memoryData } from './insight-data.ts';
import type { CardProps } from './insight-link.tsx';

/** Functions by memory size, smallest first: a column per size. */
export function MemoryCard({ answer, to }: CardProps) {
  const data = linkable(memoryData(answer));
  return (
    <ChartCard title="Memory sizes" file="memory-sizes" table={datumTable(data, to, 'Memory')}>
      <ColumnChart
        title="Memory sizes"
        series={[{ tone: 'bar', name: 'Functions' }]}
        columns={data.map((d) => ({
          key: d.key,
          tick: d.label,
          parts: [d.count],
          ...(d.pick ? { link: { to: to(d.pick), count: d.count, name: datumName(d) } } : {}),
        }))}
      />
    </ChartCard>
  );
}
