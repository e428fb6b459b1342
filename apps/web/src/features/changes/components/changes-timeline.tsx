import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useNow } from '../../../lib/use-now.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import { ChangeEventCard } from './change-event.tsx';
import { PassHeading } from './pass-heading.tsx';
import { timelineItems } from './timeline-items.ts';

/** How close to the last loaded line the next page is asked for. */
const PREFETCH_ITEMS = 15;
const ESTIMATE = { day: 44, pass: 30, event: 92 } as const;

/**
 * The history as a virtualised timeline: day and pass headings between the events, heights
 * measured as they render, the next page asked for as the end comes into view.
 */
export function ChangesTimeline({
  events,
  from,
  go,
  canLoadMore,
  loadMore,
  footer,
}: {
  events: readonly ChangeEvent[];
  from: ViewState;
  go: (view: ViewState) => void;
  canLoadMore: boolean;
  loadMore: () => void;
  footer: ReactNode;
}) {
  const now = useNow(30_000);
  const items = useMemo(() => timelineItems(events, now), [events, now]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ESTIMATE[items[index]?.type ?? 'event'],
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 6,
  });
  const virtual = virtualizer.getVirtualItems();
  const lastIndex = virtual.at(-1)?.index ?? 0;
  useEffect(() => {
    if (canLoadMore && lastIndex >= items.length - PREFETCH_ITEMS) loadMore();
  }, [canLoadMore, loadMore, lastIndex, items.length]);
  return (
    <section
      ref={scrollRef}
      // The scrolling region must be reachable by keyboard.
      tabIndex={0}
      aria-label="Changes, newest first"
      data-testid="changes-scroll"
      className="min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-orange-500"
    >
      <ol className="relative w-full max-w-6xl" style={{ height: virtualizer.getTotalSize() }}>
        {virtual.map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <li
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full px-4 pb-2"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {item.type === 'day' ? (
                <h2 className="pt-4 pb-1 text-sm font-semibold text-slate-900 dark:text-slate-100">
                  {item.label}
                </h2>
              ) : item.type === 'pass' ? (
                <PassHeading item={item} />
              ) : (
                <ChangeEventCard event={item.event} from={from} go={go} now={now} />
              )}
            </li>
          );
        })}
      </ol>
      {footer}
    </section>
  );
}
