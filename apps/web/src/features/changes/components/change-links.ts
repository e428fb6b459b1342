import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { DEFAULT_VIEW, type ViewState } from '../../../lib/view-state.ts';

// Every link keeps the chrome (embed, theme) of the page it is on, and nothing else of it.
const chrome = (from: ViewState): ViewState => ({ ...DEFAULT_VIEW, embed: from.embed, theme: from.theme });

/**
 * The table with the event's function open in the drawer.
 * @example functionView(view, event) // ./?account=demo&region=cn-hangzhou&fn=cn-hangzhou/orders-api
 */
export function functionView(
  from: ViewState,
  event: ChangeEvent,
  tab: ViewState['tab'] = 'overview',
): ViewState {
  return {
    ...chrome(from),
    account: event.account,
    regions: [event.region],
    fn: { region: event.region, name: event.functionName },
    tab,
  };
}

/** The table of one account's region, or of every region of the account. */
export function placeView(from: ViewState, account: string, region?: string): ViewState {
  return { ...chrome(from), account, regions: region ? [region] : 'all' };
}

/** The Changes page of one function, by its exact name: a deleted function's only page. */
export function historyView(
  from: ViewState,
  fn: Pick<ChangeEvent, 'region' | 'functionName'> & { account?: string },
): ViewState {
  return {
    ...chrome(from),
    page: 'changes',
    account: fn.account,
    regions: [fn.region],
    changes: { name: fn.functionName },
  };
}
