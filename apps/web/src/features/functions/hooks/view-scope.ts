import { ALL_ACCOUNTS, type ViewState } from '../../../lib/view-state.ts';
import type { Meta, RegionSync } from '../api/types.ts';

/** One (account, region) a view lists. */
export interface RegionKey {
  account: string;
  region: string;
}

/** `account/region`: how a region of the fleet is told apart in maps and React keys. */
export const regionKey = (r: RegionKey): string => `${r.account}/${r.region}`;

/**
 * The (account, region) pairs a view lists, worked out as the BFF does: one account (the first by
 * default) or all; the account's first region by default, `all` of them, or the chosen ones.
 * @example viewScope({ ...DEFAULT_VIEW, regions: 'all' }, meta.accounts) // [{ account: 'prod', region: 'cn-hangzhou' }, …]
 */
export function viewScope(view: ViewState, accounts: Meta['accounts']): RegionKey[] {
  const all = view.account === ALL_ACCOUNTS;
  const one = view.account ? accounts.find((a) => a.alias === view.account) : accounts[0];
  const chosen = all ? accounts : one ? [one] : [];
  const regions =
    view.regions === 'all' || (all && view.regions.length === 0)
      ? undefined
      : view.regions.length > 0
        ? view.regions
        : chosen[0]?.regions.slice(0, 1);
  return chosen.flatMap((a) =>
    a.regions.filter((r) => !regions || regions.includes(r)).map((region) => ({ account: a.alias, region })),
  );
}

/**
 * The freshest known state of each region in scope: from whichever answer arrived last (the list
 * page or the polled `/api/meta`), falling back to the other when the newer one lacks the region.
 */
export function freshestRegions(
  scope: readonly RegionKey[],
  sources: readonly { regions: readonly RegionSync[] | undefined; at: number }[],
): RegionSync[] {
  const ordered = [...sources].sort((a, b) => b.at - a.at);
  return scope.flatMap((key) => {
    for (const source of ordered) {
      const found = source.regions?.find((r) => r.account === key.account && r.region === key.region);
      if (found) return [found];
    }
    return [];
  });
}
