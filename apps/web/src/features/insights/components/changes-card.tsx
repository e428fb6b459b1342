import { CHANGE_DAY_KINDS, type ChangesDay, type InsightsAnswer } from '@fc-fleet/fleet-contract';
import { formatCount } from '../../../lib/format.ts';
import { serializeView } from '../../../lib/url-state.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import { ChartCard } from './chart-card.tsx';
import type { Tone } from './chart-tones.tsx';
import { ColumnChart } from './column-chart.tsx';
import type { LinkTarget } from './insight-link.tsx';
import type { TableModel } from './table-model.ts';

const SERIES: readonly { tone: Tone; name: string }[] = CHANGE_DAY_KINDS.map((kind) => ({
  tone: kind,
  name: `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
}));
const TICK = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The day after an ISO day (`2026-11-28` -> `2026-11-29`), in UTC as the answer counts. */
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The Changes page of a day for the same view: its account, regions and filters, `since` the day
 * and `until` the next (ISO days, UTC).
 * @example dayTarget(view, '2026-11-27') // { page: 'changes', search: '?region=all&since=2026-11-27&until=2026-11-28' }
 */
export function dayTarget(view: ViewState, day: string): LinkTarget {
  const changes = { since: day, until: nextDay(day) };
  return { page: 'changes', search: serializeView({ ...view, page: 'changes', fn: undefined, changes }) };
}

const eventsOf = (d: ChangesDay) => d.created + d.modified + d.deleted;
const dayName = (d: ChangesDay) =>
  `${d.day}: ${CHANGE_DAY_KINDS.map((kind) => `${formatCount(d[kind])} ${kind}`).join(', ')}`;
/** A day's link to its changes; a day without events has none (there is nothing to list). */
const dayLink = (view: ViewState, d: ChangesDay) => ({
  to: dayTarget(view, d.day),
  count: eventsOf(d),
  name: dayName(d),
  testId: 'insight-changes-link',
});

/** Events per day as a table: the kinds, then the day's total, a link to that day's changes. */
export function changesTable(days: readonly ChangesDay[], view: ViewState): TableModel {
  return {
    columns: [{ name: 'Day (UTC)' }, ...SERIES.map((s) => ({ name: s.name })), { name: 'Events' }],
    rows: days.map((d) => ({
      key: d.day,
      cells: [d.day, d.created, d.modified, d.deleted, eventsOf(d)],
      ...(eventsOf(d) > 0 ? { link: { column: 4, ...dayLink(view, d) } } : {}),
    })),
  };
}

/** Functions created, modified and deleted per day over the last days, each day a link to its changes. */
export function ChangesCard({
  answer,
  view,
  className,
}: {
  answer: InsightsAnswer;
  view: ViewState;
  className?: string;
}) {
  const days = answer.changesPerDay;
  return (
    <ChartCard
      title={`Changes per day, last ${days.length} days`}
      file="changes-per-day"
      table={changesTable(days, view)}
      className={className}
      note="What the sync passes saw change, by day (UTC); a day opens its changes."
    >
      {days.every((d) => eventsOf(d) === 0) ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No changes recorded in these {days.length} days: the passes saw every function as it was.
        </p>
      ) : (
        <ColumnChart
          title="Changes per day"
          series={SERIES}
          columns={days.map((d) => ({
            key: d.day,
            tick: TICK.format(new Date(`${d.day}T00:00:00Z`)),
            parts: CHANGE_DAY_KINDS.map((kind) => d[kind]),
            ...(eventsOf(d) > 0 ? { link: dayLink(view, d) } : {}),
          }))}
        />
      )}
    </ChartCard>
  );
}
