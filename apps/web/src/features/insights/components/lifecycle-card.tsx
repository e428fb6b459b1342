import { datumTable } from './bar-card.tsx';
import { ChartCard } from './chart-card.tsx';
import { lifecycleData, linkable } from './insight-data.ts';
import type { CardProps } from './insight-link.tsx';
import { LifecycleDonut } from './lifecycle-donut.tsx';

/** Functions by their runtime's lifecycle status: a donut with a legend of links. */
export function LifecycleCard({ answer, to }: CardProps) {
  const data = linkable(lifecycleData(answer));
  return (
    <ChartCard
      title="Runtime lifecycle"
      file="lifecycle"
      table={datumTable(data, to, 'Status')}
      note={`Judged on ${answer.at.slice(0, 10)}: deprecated by Function Compute, or running a language past its end of life.`}
    >
      <LifecycleDonut data={data} to={to} total={answer.total} />
    </ChartCard>
  );
}
