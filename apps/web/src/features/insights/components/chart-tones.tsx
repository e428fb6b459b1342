import { useId } from 'react';

/** What a chart element stands for, which decides its colour and its pattern. */
export type Tone = 'bar' | 'deprecated' | 'eol' | 'current' | 'created' | 'modified' | 'deleted';

// At least 3:1 against the card in both themes (WCAG 1.4.11), and never colour alone: a
// status or a kind also has a pattern, and its name is in every label and link.
const FILLS: Record<Tone, string> = {
  bar: 'fill-sky-700 dark:fill-sky-400',
  deprecated: 'fill-red-700 dark:fill-red-400',
  eol: 'fill-amber-600 dark:fill-amber-300',
  current: 'fill-emerald-700 dark:fill-emerald-400',
  created: 'fill-emerald-700 dark:fill-emerald-400',
  modified: 'fill-sky-700 dark:fill-sky-400',
  deleted: 'fill-red-700 dark:fill-red-400',
};
const MARKS: Record<Tone, 'none' | 'hatch' | 'dots'> = {
  bar: 'none',
  deprecated: 'hatch',
  eol: 'dots',
  current: 'none',
  created: 'none',
  modified: 'hatch',
  deleted: 'dots',
};
const MARK_CLASS = 'fill-white stroke-white dark:fill-slate-900 dark:stroke-slate-900';

/** The `<pattern>`s of the patterned tones, named `{id}-{tone}`; one set per SVG. */
export function ToneDefs({ id, tones }: { id: string; tones: readonly Tone[] }) {
  return (
    <defs>
      {tones
        .filter((tone) => MARKS[tone] !== 'none')
        .map((tone) => (
          <pattern key={tone} id={`${id}-${tone}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" className={FILLS[tone]} />
            {MARKS[tone] === 'hatch' ? (
              <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" strokeWidth="1.5" className={MARK_CLASS} />
            ) : (
              <circle cx="3" cy="3" r="1" className={MARK_CLASS} />
            )}
          </pattern>
        ))}
    </defs>
  );
}

/** The fill of a shape of a tone: a class for a plain colour, the pattern (see {@link ToneDefs}) otherwise. */
export function toneFill(id: string, tone: Tone): { className?: string; fill?: string } {
  return MARKS[tone] === 'none' ? { className: FILLS[tone] } : { fill: `url(#${id}-${tone})` };
}

/** A React id usable in `url(#…)`: only letters, digits, `_` and `-`. */
export const useSvgId = () => `p${useId().replace(/[^\w-]/g, '')}`;

/** A legend's square of a tone, with its own pattern. */
export function Swatch({ tone }: { tone: Tone }) {
  const id = useSvgId();
  return (
    <svg aria-hidden="true" width="12" height="12" className="shrink-0">
      <ToneDefs id={id} tones={[tone]} />
      <rect width="12" height="12" rx="2" {...toneFill(id, tone)} />
    </svg>
  );
}
