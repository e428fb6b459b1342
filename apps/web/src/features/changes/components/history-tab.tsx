import { useNow } from '../../../lib/use-now.ts';
import { useView } from '../../../lib/view-context.tsx';
import { Empty } from '../../functions/drawer/field-list.tsx';
import { historyParams } from '../api/changes-query.ts';
import { useChangesList } from '../hooks/use-changes-list.ts';
import { ChangeEventCard } from './change-event.tsx';
import { historyView } from './change-links.ts';
import { ChangesError, ChangesFooter } from './changes-states.tsx';
import { ViewLink } from './view-link.tsx';

/** What the drawer gives its History tab; the view (the function's account) comes from the ViewProvider. */
export interface HistoryTabProps {
  target: { region: string; name: string };
}

/**
 * The function's history: every change a pass saw, newest first, as the Changes page shows it
 * (a deletion and a re-creation under the same name are included), with "Load more".
 */
export function HistoryTab({ target }: HistoryTabProps) {
  const { view, go } = useView();
  const now = useNow(30_000);
  const list = useChangesList(historyParams(view.account, target.region, target.name).toString());
  const onPage = (
    <ViewLink
      to={historyView(view, { account: view.account, region: target.region, functionName: target.name })}
      go={go}
      className="inline-block pb-1 text-sm"
    >
      Open this history on the Changes page
    </ViewLink>
  );
  if (list.firstError)
    return (
      <ChangesError error={list.firstError} retry={list.retry} title="The history could not be loaded" />
    );
  if (list.pending) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading the history…</p>;
  if (list.events.length === 0)
    return (
      <div className="space-y-3">
        <Empty>
          No changes recorded for this function. History starts after its region's first complete pass; from
          then on, each pass records what it sees created, modified or deleted.
        </Empty>
        {onPage}
      </div>
    );
  return (
    <div className="space-y-3" data-testid="history">
      {onPage}
      <ol className="space-y-2" aria-label={`Changes of ${target.name}, newest first`}>
        {list.events.map((event) => (
          <li key={event.id}>
            <ChangeEventCard event={event} from={view} go={go} now={now} showPlace={false} />
          </li>
        ))}
      </ol>
      <ChangesFooter list={list} className="px-0" />
    </div>
  );
}
