import { useEffect, useRef } from 'react';
import type { Meta } from '../features/functions/api/types.ts';
import { navigateTo } from '../lib/use-view-state.ts';
import { ALL_ACCOUNTS, type ViewState } from '../lib/view-state.ts';

/**
 * A pasted link may carry what no longer makes sense: garbage, an unknown account or region
 * (`account=all` is known: every configured account).
 * Explain each in a notice, drop it, and rewrite the address so the URL shows what is on screen.
 */
export function useLinkRepair(
  view: ViewState,
  problems: string[],
  meta: Meta | undefined,
  notify: (text: string) => void,
): void {
  const reported = useRef(new Set<string>());
  useEffect(() => {
    if (problems.length === 0) return;
    for (const problem of problems) {
      if (!reported.current.has(problem)) {
        reported.current.add(problem);
        notify(problem);
      }
    }
    navigateTo(view, { replace: true });
  }, [problems, view, notify]);
  useEffect(() => {
    if (!meta) return;
    let repaired = view;
    const all = view.account === ALL_ACCOUNTS;
    const account = view.account ? meta.accounts.find((a) => a.alias === view.account) : meta.accounts[0];
    if (view.account && !account && !all) {
      notify(
        `The account "${view.account}" is not configured here; showing ${meta.accounts[0]?.alias ?? 'the default account'}.`,
      );
      repaired = { ...repaired, account: undefined, regions: [] };
    }
    const known = all
      ? [...new Set(meta.accounts.flatMap((a) => a.regions))]
      : ((account ?? meta.accounts[0])?.regions ?? []);
    if (Array.isArray(repaired.regions)) {
      const unknown = repaired.regions.filter((r) => !known.includes(r));
      if (unknown.length) {
        notify(
          `Unknown region ${unknown.join(', ')}: it is not configured for this account (known: ${known.join(', ')}).`,
        );
        repaired = { ...repaired, regions: repaired.regions.filter((r) => known.includes(r)) };
      }
    }
    if (repaired.fn && !known.includes(repaired.fn.region)) {
      notify(
        `Could not open ${repaired.fn.region}/${repaired.fn.name}: region ${repaired.fn.region} is not configured.`,
      );
      repaired = { ...repaired, fn: undefined, tab: 'overview' };
    }
    if (repaired !== view) navigateTo(repaired, { replace: true });
  }, [meta, view, notify]);
}
