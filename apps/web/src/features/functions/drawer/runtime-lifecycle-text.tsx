import { LIFECYCLE_LABELS, lifecycleOf } from '@fc-fleet/fleet-contract';
import { Badge } from '../../../components/ui/badge.tsx';
import { lifecycleText } from '../components/cells.tsx';

const TONES = { deprecated: 'danger', eol: 'warn', current: 'neutral' } as const;

/**
 * A runtime's status in the drawer: the status, the day it began (or the language's coming end of
 * life), and the source of that fact as a link.
 */
export function RuntimeLifecycleText({ runtime, now }: { runtime: string | null | undefined; now: Date }) {
  const life = lifecycleOf(runtime, now);
  const detail =
    lifecycleText(life) ||
    (life.eolOn ? `${life.entry?.language ?? 'The language'} reaches its end of life ${life.eolOn}` : '');
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge tone={TONES[life.status]}>{LIFECYCLE_LABELS[life.status]}</Badge>
      {detail ? <span>{detail}</span> : null}
      {life.source ? (
        <a
          href={life.source.url}
          target="_blank"
          rel="noreferrer noopener"
          className="text-orange-700 underline-offset-2 hover:underline dark:text-orange-400"
        >
          Source: {life.source.name}
        </a>
      ) : null}
    </span>
  );
}
