import type { InsightsAnswer } from '@fc-fleet/fleet-contract';
import { formatCount, formatMemory } from '../../../lib/format.ts';
import { ChartCard } from './chart-card.tsx';
import { type CardProps, InsightLink, type PickTo } from './insight-link.tsx';
import type { TableModel } from './table-model.ts';

const tileClass =
  'flex min-w-0 flex-col rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-orange-500 dark:border-slate-700 dark:hover:bg-slate-800';

/** The view's totals: functions, and the memory, vCPU and GPU memory they are given. */
export function totalsTable(answer: InsightsAnswer, to: PickTo): TableModel {
  const gpuFunctions = answer.gpu.reduce((sum, g) => sum + g.functions, 0);
  const { memoryMb, vcpu, gpuMemoryMb } = answer.resources;
  const totals = [
    {
      key: 'functions',
      metric: 'Functions',
      value: answer.total,
      unit: 'functions',
      shown: formatCount(answer.total),
    },
    { key: 'memory', metric: 'Memory', value: memoryMb, unit: 'MB', shown: formatMemory(memoryMb) },
    { key: 'vcpu', metric: 'vCPU', value: vcpu, unit: 'vCPU', shown: `${formatCount(vcpu)} vCPU` },
    {
      key: 'gpuMemory',
      metric: 'GPU memory',
      value: gpuMemoryMb,
      unit: 'MB',
      shown: formatMemory(gpuMemoryMb),
    },
  ];
  return {
    columns: [{ name: 'Total' }, { name: 'Amount' }, { name: 'Unit' }, { name: 'Functions' }],
    rows: totals.map(({ key, metric, value, unit, shown }) => {
      // GPU memory adds up the GPU functions; the rest, every function of the view.
      const gpu = key === 'gpuMemory';
      const functions = gpu ? gpuFunctions : answer.total;
      const link = {
        column: 3,
        to: to(gpu ? { kind: 'has', has: 'gpu' } : { kind: 'view' }),
        count: functions,
        name: `${metric}: ${shown}, ${formatCount(functions)} function${functions === 1 ? '' : 's'}`,
      };
      return { key, cells: [metric, value, unit, functions], ...(functions > 0 ? { link } : {}) };
    }),
  };
}

/** Big numbers, each a link to the functions it adds up. */
export function TotalsCard({ answer, to, className }: CardProps) {
  const table = totalsTable(answer, to);
  const shown = [
    formatCount(answer.total),
    formatMemory(answer.resources.memoryMb),
    formatCount(answer.resources.vcpu),
    formatMemory(answer.resources.gpuMemoryMb),
  ];
  return (
    <ChartCard title="Totals" file="totals" table={table} className={className}>
      <ul className="grid grid-cols-2 gap-2">
        {table.rows.map((row, i) => {
          const tile = (
            <>
              <span className="text-xs text-slate-600 dark:text-slate-300">{row.cells[0]}</span>
              <span className="truncate text-2xl font-semibold tabular-nums">{shown[i]}</span>
            </>
          );
          return (
            <li key={row.key} className="min-w-0">
              {row.link ? (
                <InsightLink
                  to={row.link.to}
                  count={row.link.count}
                  name={row.link.name}
                  className={tileClass}
                >
                  {tile}
                </InsightLink>
              ) : (
                <div className={tileClass}>{tile}</div>
              )}
            </li>
          );
        })}
      </ul>
    </ChartCard>
  );
}
