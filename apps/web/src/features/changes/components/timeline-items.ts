import type { ChangeEvent } from '@fc-fleet/fleet-contract';

/** One line of the timeline: a day's heading, a pass's heading, or an event. */
export type TimelineItem =
  | { type: 'day'; key: string; label: string }
  | { type: 'pass'; key: string; account: string; region: string; passStartedAt: string; count: number }
  | { type: 'event'; key: string; event: ChangeEvent };

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A local day as a heading: `Today`, `Yesterday`, or `Fri, 27 Nov 2026`. */
export function dayLabel(iso: string, now: number): string {
  const date = new Date(iso);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return 'Today';
  today.setDate(today.getDate() - 1);
  if (date.toDateString() === today.toDateString()) return 'Yesterday';
  return DAY.format(date);
}

const dayOf = (iso: string) => new Date(iso).toDateString();

/**
 * The events (newest first) as a timeline: a heading for each local day they were seen on, and
 * within it one for each run of events from the same pass (account, region and pass start), with
 * how many of them are loaded. The order of the events is kept: a pass whose events interleave
 * with another region's gets a heading per run.
 * @example timelineItems(events, Date.now()).map((i) => i.type) // ['day', 'pass', 'event', 'event', 'pass', 'event']
 */
export function timelineItems(events: readonly ChangeEvent[], now: number): TimelineItem[] {
  const items: TimelineItem[] = [];
  let day: string | undefined;
  let pass: Extract<TimelineItem, { type: 'pass' }> | undefined;
  for (const event of events) {
    const eventDay = dayOf(event.seenAt);
    if (eventDay !== day) {
      day = eventDay;
      pass = undefined;
      items.push({ type: 'day', key: `day:${event.id}`, label: dayLabel(event.seenAt, now) });
    }
    if (
      !pass ||
      pass.account !== event.account ||
      pass.region !== event.region ||
      pass.passStartedAt !== event.passStartedAt
    ) {
      pass = {
        type: 'pass',
        key: `pass:${event.id}`,
        account: event.account,
        region: event.region,
        passStartedAt: event.passStartedAt,
        count: 0,
      };
      items.push(pass);
    }
    pass.count++;
    items.push({ type: 'event', key: event.id, event });
  }
  return items;
}
