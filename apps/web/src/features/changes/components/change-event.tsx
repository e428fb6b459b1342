import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { memo } from 'react';
import { formatAbsolute, formatRelative } from '../../../lib/format.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import { functionView, historyView, placeView } from './change-links.ts';
import { FieldDiff } from './field-diff.tsx';
import { KindBadge } from './kind-badge.tsx';
import { ViewLink } from './view-link.tsx';

const dim = 'text-xs text-slate-600 dark:text-slate-300';

/** What an event's rendering needs besides the event: where links go from, and the time now. */
export interface ChangeEventProps {
  event: ChangeEvent;
  /** The view the event is shown in: links keep its embed and theme. */
  from: ViewState;
  go: (view: ViewState) => void;
  now: number;
  /** Show the name, account and region (the Changes page); the drawer's History tab knows them. */
  showPlace?: boolean;
}

/**
 * One change: its kind, the function (a link to it in the table, or to the history of a deleted
 * one), where it lives, when a pass saw it, the cloud's lastModifiedTime, and the diff.
 */
export const ChangeEventCard = memo(function ChangeEventCard({
  event,
  from,
  go,
  now,
  showPlace = true,
}: ChangeEventProps) {
  const deleted = event.kind === 'deleted';
  return (
    <article
      aria-label={`${event.kind} ${event.functionName}`}
      data-event-id={event.id}
      className="space-y-1.5 rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <KindBadge kind={event.kind} />
        {showPlace ? (
          <ViewLink
            to={deleted ? historyView(from, event) : functionView(from, event)}
            go={go}
            title={
              deleted ? `The history of ${event.functionName}` : `Open ${event.functionName} in the table`
            }
            className="min-w-0 font-medium break-all"
          >
            {event.functionName}
          </ViewLink>
        ) : null}
        {showPlace ? (
          <span className={dim}>
            <ViewLink
              to={placeView(from, event.account)}
              go={go}
              title={`Every function of ${event.account}`}
            >
              {event.account}
            </ViewLink>
            {' · '}
            <ViewLink
              to={placeView(from, event.account, event.region)}
              go={go}
              title={`Every function of ${event.account} in ${event.region}`}
            >
              {event.region}
            </ViewLink>
          </span>
        ) : null}
        <span className="flex-1" />
        <span className={dim}>
          {event.lastModifiedTime ? (
            <>
              {deleted ? 'last modified ' : 'modified in the cloud '}
              <time dateTime={event.lastModifiedTime} title={formatAbsolute(event.lastModifiedTime)}>
                {formatRelative(event.lastModifiedTime, now)}
              </time>
              {' · '}
            </>
          ) : null}
          seen{' '}
          <time dateTime={event.seenAt} title={formatAbsolute(event.seenAt)}>
            {formatRelative(event.seenAt, now)}
          </time>
        </span>
      </div>
      {event.changes.length ? (
        <ul
          className="space-y-1 border-l-2 border-sky-200 pl-3 dark:border-sky-900"
          aria-label="What changed"
        >
          {event.changes.map((change) => (
            <FieldDiff key={change.path} change={change} />
          ))}
        </ul>
      ) : null}
    </article>
  );
});
