import { Select } from '../../../components/ui/select.tsx';
import { ALL_ACCOUNTS, type ViewState } from '../../../lib/view-state.ts';
import type { FacetsAnswer, Meta } from '../api/types.ts';
import { countsOf, facetOptions, withCount } from './facet-options.ts';

/** Picks one account, or "All accounts" (`account=all`); shown when several are configured. */
export function AccountPicker({
  view,
  meta,
  facets,
  setView,
}: {
  view: ViewState;
  meta: Meta;
  facets?: FacetsAnswer;
  setView: (update: (v: ViewState) => ViewState) => void;
}) {
  if (meta.accounts.length < 2) return null;
  const counts = countsOf(facets, 'account');
  const total = counts ? [...counts.values()].reduce((sum, n) => sum + n, 0) : undefined;
  const value = view.account ?? meta.accounts[0]?.alias ?? '';
  return (
    <Select
      label="Account"
      className="max-w-60"
      value={value}
      // A region of one account may not exist in another: the new account starts at its default.
      onChange={(e) => {
        const account = e.target.value;
        setView((v) => ({ ...v, account, regions: [] }));
      }}
      options={[
        { value: ALL_ACCOUNTS, label: withCount('All accounts', total) },
        // Every account stays selectable: one with no function here may have some in its own regions.
        ...facetOptions(
          meta.accounts.map((a) => a.alias),
          counts,
          undefined,
        ).map((o) => ({ ...o, disabled: false })),
      ]}
    />
  );
}
