import { formatAbsolute, formatClock } from '../../../lib/format.ts';
import type { TimelineItem } from './timeline-items.ts';

/** The heading of a run of events one sync pass saw: where, when it started, how many are listed. */
export function PassHeading({ item }: { item: Extract<TimelineItem, { type: 'pass' }> }) {
  return (
    <h3 className="pt-1 text-xs text-slate-600 dark:text-slate-300">
      <span className="font-medium text-slate-700 dark:text-slate-200">
        Pass of {item.account} · {item.region}
      </span>
      {' · started '}
      <time dateTime={item.passStartedAt} title={formatAbsolute(item.passStartedAt)}>
        {/* Passes of a region can start seconds apart: the seconds tell two of them apart. */}
        {formatClock(item.passStartedAt, Date.now(), { seconds: true })}
      </time>
      {` · ${item.count === 1 ? '1 event' : `${item.count} events`}`}
    </h3>
  );
}
