import type { GpuInsight } from '@fc-fleet/fleet-contract';
import { formatMemory } from '../../../lib/format.ts';
import { BarList } from './bar-list.tsx';
import { ChartCard } from './chart-card.tsx';
import { datumName, gpuTypeData, linkable } from './insight-data.ts';
import type { CardProps, PickTo } from './insight-link.tsx';
import { InsightTable } from './insight-table.tsx';
import type { TableModel } from './table-model.ts';

const memory = (value: string | number) => (typeof value === 'number' ? formatMemory(value) : '—');
const share = (value: string | number) => (typeof value === 'number' ? `${Math.round(value * 100)} %` : '—');

/**
 * How much of the cards' memory the functions ask for: GPU memory over functions × the card's
 * memory; unknown (empty) when the card is not known.
 * @example cardShare({ functions: 2, gpuMemoryMb: 16_384, cardMemoryMb: 16_384, … }) // 0.5
 */
export function cardShare(g: Pick<GpuInsight, 'functions' | 'gpuMemoryMb' | 'cardMemoryMb'>): number | '' {
  return g.cardMemoryMb && g.functions > 0 ? g.gpuMemoryMb / (g.functions * g.cardMemoryMb) : '';
}

/** A line of the inventory: one GPU type in one region, or (no region) in every region of the view. */
type GpuLine = Omit<GpuInsight, 'region'> & { region?: string };

/** Each GPU type's lines summed over the view's regions, in the answer's type order. */
function typeTotals(gpu: readonly GpuInsight[]): GpuLine[] {
  const byType = new Map<string, GpuLine>();
  for (const { region: _, ...g } of gpu) {
    const seen = byType.get(g.gpuType);
    byType.set(
      g.gpuType,
      seen
        ? { ...seen, functions: seen.functions + g.functions, gpuMemoryMb: seen.gpuMemoryMb + g.gpuMemoryMb }
        : g,
    );
  }
  return [...byType.values()];
}

/**
 * The GPU inventory as a table: per GPU type and region, its functions (a link), memory and card;
 * with `byType`, each type's line for every region of the view first, so the table holds the
 * numbers and links of the bars by type too (what "Show as table" and the CSV give).
 */
export function gpuTable(gpu: readonly GpuInsight[], to: PickTo, byType = false): TableModel {
  const lines: GpuLine[] = byType
    ? typeTotals(gpu).flatMap((total) => [total, ...gpu.filter((g) => g.gpuType === total.gpuType)])
    : [...gpu];
  return {
    columns: [
      { name: 'GPU type' },
      { name: 'Region' },
      { name: 'Card' },
      { name: 'Functions' },
      { name: 'GPU memory', csv: 'GPU memory (MB)', format: memory },
      { name: 'Card memory', csv: 'Card memory (MB)', format: memory },
      { name: 'Share of card memory', format: share },
    ],
    rows: lines.map((g) => ({
      key: `${g.gpuType}/${g.region ?? '*'}`,
      cells: [
        g.gpuType,
        g.region ?? 'all in view',
        g.card ?? '',
        g.functions,
        g.gpuMemoryMb,
        g.cardMemoryMb ?? '',
        cardShare(g),
      ],
      link: {
        column: 3,
        to: to({ kind: 'gpu', gpuType: g.gpuType, ...(g.region ? { region: g.region } : {}) }),
        count: g.functions,
        name: datumName({ label: g.region ? `${g.gpuType} in ${g.region}` : g.gpuType, count: g.functions }),
      },
    })),
  };
}

/**
 * The GPU inventory of the view: bars of functions by GPU type (each a link to those functions in
 * every region of the view) beside the table by type and region; "Show as table" and the CSV give
 * one table of both (each type's line for the whole view, then its regions).
 */
export function GpuCard({ answer, to, className }: CardProps) {
  const table = gpuTable(answer.gpu, to, true);
  return (
    <ChartCard
      title="GPU inventory"
      file="gpu"
      table={table}
      className={className}
      empty="No GPU functions in this view."
      note="Share of card memory: the GPU memory the functions ask for, over their number times the card's memory."
    >
      <div className="grid gap-4 2xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <h3 className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-200">
            Functions by GPU type
          </h3>
          <BarList data={linkable(gpuTypeData(answer))} to={to} title="Functions by GPU type" />
        </div>
        <InsightTable table={gpuTable(answer.gpu, to)} caption="GPU inventory by type and region" />
      </div>
    </ChartCard>
  );
}
