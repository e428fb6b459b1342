import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { formatCount } from '../../../lib/format.ts';
import { Swatch, type Tone, ToneDefs, toneFill, useSvgId } from './chart-tones.tsx';
import { type ElementLink, SvgElement } from './insight-link.tsx';
import { useWidth } from './use-width.ts';

/** One column: its tick, its parts by series (stacked in the series' order) and its link. */
export interface Column {
  key: string;
  tick: string;
  parts: readonly number[];
  link?: ElementLink;
}

const HEIGHT = 200;
const TOP = 18;
const BOTTOM = 24;
const LEFT = 36;

/**
 * Vertical columns, stacked by series when there are several (a legend names them), each column
 * one link. The number stands above a column when there is room for it.
 */
export function ColumnChart({
  columns,
  series,
  title,
}: {
  columns: readonly Column[];
  series: readonly { tone: Tone; name: string }[];
  title: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(480);
  const id = useSvgId();
  const totals = columns.map((c) => c.parts.reduce((sum, n) => sum + n, 0));
  // A few columns stay columns (at most 96 px a step) rather than blocks as wide as the card.
  const right = Math.min(width - 4, LEFT + columns.length * 96);
  const x = scaleBand<string>({ domain: columns.map((c) => c.key), range: [LEFT, right], padding: 0.2 });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...totals)],
    range: [HEIGHT - BOTTOM, TOP],
    nice: true,
  });
  const band = x.bandwidth();
  // Every k-th tick counted back from the last (today), so that ticks about 48 px apart never overlap.
  const every = Math.max(1, Math.ceil(48 / Math.max(1, x.step())));
  return (
    <div ref={ref} className="min-w-0 space-y-2">
      {series.length > 1 ? (
        <ul className="flex flex-wrap gap-3 text-xs text-slate-700 dark:text-slate-200" aria-label="Legend">
          {series.map((s) => (
            <li key={s.name} className="flex items-center gap-1.5">
              <Swatch tone={s.tone} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <svg width={width} height={HEIGHT} className="block">
        <title>{title}</title>
        <ToneDefs id={id} tones={series.map((s) => s.tone)} />
        {y
          .ticks(3)
          .filter(Number.isInteger)
          .map((tick) => (
            <Group key={tick} top={y(tick)}>
              <line x1={LEFT} x2={right} className="stroke-slate-200 dark:stroke-slate-700" />
              <text
                x={LEFT - 6}
                textAnchor="end"
                dominantBaseline="central"
                className="fill-slate-600 text-[11px] dark:fill-slate-300"
              >
                {formatCount(tick)}
              </text>
            </Group>
          ))}
        {columns.map((column, i) => {
          const left = x(column.key) ?? 0;
          let base = 0;
          const shape = (
            <>
              <rect
                x={left - 2}
                y={TOP - 16}
                width={band + 4}
                height={HEIGHT - BOTTOM - TOP + 16}
                rx={3}
                className="fill-transparent stroke-2 group-hover:fill-slate-100 group-focus-visible:stroke-orange-500 dark:group-hover:fill-slate-800"
              />
              {column.parts.map((value, s) => {
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                const tone = series[s]?.tone ?? 'bar';
                return value > 0 ? (
                  <Bar key={tone} x={left} y={top} width={band} height={height} {...toneFill(id, tone)} />
                ) : null;
              })}
              {band >= 22 && (totals[i] ?? 0) > 0 ? (
                <text
                  x={left + band / 2}
                  y={y(totals[i] ?? 0) - 4}
                  textAnchor="middle"
                  className="fill-slate-900 text-[11px] tabular-nums dark:fill-slate-50"
                >
                  {formatCount(totals[i] ?? 0)}
                </text>
              ) : null}
              {(columns.length - 1 - i) % every === 0 ? (
                <text
                  x={left + band / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  className="fill-slate-600 text-[11px] dark:fill-slate-300"
                >
                  {column.tick}
                </text>
              ) : null}
            </>
          );
          return (
            <SvgElement key={column.key} link={column.link} name={column.tick}>
              {shape}
            </SvgElement>
          );
        })}
      </svg>
    </div>
  );
}
