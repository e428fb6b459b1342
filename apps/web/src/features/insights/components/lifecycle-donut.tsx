import { Group } from '@visx/group';
import { Pie } from '@visx/shape';
import { cn } from '../../../lib/cn.ts';
import { formatCount } from '../../../lib/format.ts';
import { type Tone, ToneDefs, toneFill, useSvgId } from './chart-tones.tsx';
import { datumName, type InsightDatum } from './insight-data.ts';
import { type PickTo, SvgElement } from './insight-link.tsx';

const SIZE = 168;
const ROW = 28;
const LEGEND_WIDTH = 230;
const TONES: readonly Tone[] = ['deprecated', 'eol', 'current'];

/**
 * A donut of the lifecycle statuses with its legend beside it, in one SVG: each status is one
 * link holding its slice and its legend line (swatch, name and number), so the number and the
 * slice go to the same table and the keyboard meets each status once.
 */
export function LifecycleDonut({
  data,
  to,
  total,
}: {
  data: readonly InsightDatum[];
  to: PickTo;
  total: number;
}) {
  const id = useSvgId();
  const tone = (d: InsightDatum): Tone => d.status ?? 'current';
  const legendTop = SIZE / 2 - (data.length * ROW) / 2;
  return (
    <svg width={SIZE + 16 + LEGEND_WIDTH} height={SIZE} className="block max-w-full">
      <title>Functions by runtime lifecycle</title>
      <ToneDefs id={id} tones={TONES} />
      <Pie
        data={[...data]}
        pieValue={(d) => d.count}
        pieSort={null}
        pieSortValues={null}
        outerRadius={SIZE / 2 - 2}
        innerRadius={SIZE / 2 - 32}
        // A gap between slices, none when one slice is the whole ring.
        padAngle={data.filter((d) => d.count > 0).length > 1 ? 0.015 : 0}
      >
        {(pie) =>
          pie.arcs.map((arc, i) => {
            const d = arc.data;
            const fill = toneFill(id, tone(d));
            const shape = (
              <>
                {d.count > 0 ? (
                  <Group top={SIZE / 2} left={SIZE / 2}>
                    <path
                      d={pie.path(arc) ?? ''}
                      fill={fill.fill}
                      className={cn('group-hover:opacity-80', fill.className)}
                    />
                  </Group>
                ) : null}
                <Group top={legendTop + i * ROW} left={SIZE + 16}>
                  <rect
                    width={LEGEND_WIDTH}
                    height={ROW}
                    rx={4}
                    className="fill-transparent stroke-2 group-hover:fill-slate-100 group-focus-visible:stroke-orange-500 dark:group-hover:fill-slate-800"
                  />
                  <rect x={6} y={(ROW - 12) / 2} width={12} height={12} rx={2} {...fill} />
                  <text
                    x={26}
                    y={ROW / 2}
                    dominantBaseline="central"
                    className="fill-slate-700 text-sm dark:fill-slate-200"
                  >
                    {d.label}
                  </text>
                  <text
                    x={LEGEND_WIDTH - 8}
                    y={ROW / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                    className={cn(
                      'text-sm font-medium tabular-nums',
                      d.pick
                        ? 'fill-orange-700 underline dark:fill-orange-400'
                        : 'fill-slate-700 dark:fill-slate-200',
                    )}
                  >
                    {formatCount(d.count)}
                  </text>
                </Group>
              </>
            );
            const link = d.pick ? { to: to(d.pick), count: d.count, name: datumName(d) } : undefined;
            return (
              <SvgElement key={d.key} link={link} name={datumName(d)}>
                {shape}
              </SvgElement>
            );
          })
        }
      </Pie>
      <text
        x={SIZE / 2}
        y={SIZE / 2}
        textAnchor="middle"
        dominantBaseline="central"
        className="fill-slate-900 text-lg font-semibold tabular-nums dark:fill-slate-50"
      >
        {formatCount(total)}
      </text>
    </svg>
  );
}
