import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { formatCount } from '../../../lib/format.ts';
import { type Tone, ToneDefs, toneFill, useSvgId } from './chart-tones.tsx';
import { datumName, type InsightDatum } from './insight-data.ts';
import { type PickTo, SvgElement } from './insight-link.tsx';
import { useWidth } from './use-width.ts';

const ROW = 26;
const BAR = 16;
const COUNT_ROOM = 64;
// A 12 px label's average character, to cut long names before they run into the bar.
const CHAR = 6.8;
const TONES: readonly Tone[] = ['bar', 'deprecated', 'eol', 'current'];

const clip = (text: string, room: number) => {
  const max = Math.max(4, Math.floor(room / CHAR));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
const toneOf = (d: InsightDatum): Tone => (d.status && d.status !== 'current' ? d.status : 'bar');

/**
 * Horizontal bars, one per element, each (label, bar and number together) one link to the table of
 * its functions; a deprecated or end-of-life runtime's bar is red or amber and patterned.
 */
export function BarList({ data, to, title }: { data: readonly InsightDatum[]; to: PickTo; title: string }) {
  const [ref, width] = useWidth<HTMLDivElement>(480);
  const id = useSvgId();
  const labelRoom = Math.min(200, Math.round(width * 0.42));
  const barRoom = Math.max(20, width - labelRoom - COUNT_ROOM);
  const max = Math.max(1, ...data.map((d) => d.count));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, barRoom] });
  return (
    <div ref={ref} className="min-w-0">
      <svg width={width} height={data.length * ROW} className="block">
        <title>{title}</title>
        <ToneDefs id={id} tones={TONES} />
        {data.map((d, i) => {
          const shape = (
            <Group top={i * ROW}>
              <rect
                width={width}
                height={ROW}
                rx={4}
                className="fill-transparent stroke-2 group-hover:fill-slate-100 group-focus-visible:stroke-orange-500 dark:group-hover:fill-slate-800"
              />
              <text
                x={labelRoom - 8}
                y={ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
                className="fill-slate-700 text-xs dark:fill-slate-200"
              >
                {clip(d.label, labelRoom - 12)}
              </text>
              <Bar
                x={labelRoom}
                y={(ROW - BAR) / 2}
                width={d.count > 0 ? Math.max(2, x(d.count)) : 0}
                height={BAR}
                rx={2}
                {...toneFill(id, toneOf(d))}
              />
              <text
                x={labelRoom + (d.count > 0 ? Math.max(2, x(d.count)) : 0) + 6}
                y={ROW / 2}
                dominantBaseline="central"
                className="fill-slate-900 text-xs tabular-nums dark:fill-slate-50"
              >
                {formatCount(d.count)}
              </text>
            </Group>
          );
          const link = d.pick ? { to: to(d.pick), count: d.count, name: datumName(d) } : undefined;
          return (
            <SvgElement key={d.key} link={link} name={datumName(d)}>
              {shape}
            </SvgElement>
          );
        })}
      </svg>
    </div>
  );
}
