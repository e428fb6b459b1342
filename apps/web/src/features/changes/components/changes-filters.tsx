import { CHANGE_FIELDS, type ChangeField, type ChangeQuery } from '@fc-fleet/fleet-contract';
import { DebouncedInput } from '../../../components/ui/debounced-input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ALL_ACCOUNTS, type ViewState } from '../../../lib/view-state.ts';
import type { Meta } from '../../functions/api/types.ts';
import { AccountPicker } from '../../functions/components/account-picker.tsx';
import { regionsOf } from '../../functions/components/filter-bar.tsx';
import { RegionPicker } from '../../functions/components/region-picker.tsx';
import { KindToggles } from './kind-toggles.tsx';
import { SincePicker } from './since-picker.tsx';

type SetView = (update: (v: ViewState) => ViewState, replace?: boolean) => void;

/** The Changes page's toolbar: kinds, field, exact name, time range, account and regions. */
export function ChangesFilters({ view, meta, setView }: { view: ViewState; meta?: Meta; setView: SetView }) {
  const setChanges = (patch: Partial<ChangeQuery>, replace?: boolean) =>
    setView((v) => ({ ...v, changes: { ...v.changes, ...patch } }), replace);
  const fields = view.changes.fields ?? [];
  // A list of fields from a link is kept as one choice; the select picks one field at a time.
  const several = fields.length > 1 ? fields.join(',') : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <KindToggles kinds={view.changes.kinds ?? []} onChange={(kinds) => setChanges({ kinds })} />
      <Select
        label="Changed field"
        className="w-52"
        value={several ?? fields[0] ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          setChanges({ fields: value ? (value.split(',') as ChangeField[]) : undefined });
        }}
        options={[
          { value: '', label: 'Any field' },
          ...(several ? [{ value: several, label: `Fields: ${fields.join(', ')}` }] : []),
          ...CHANGE_FIELDS.map((field) => ({ value: field, label: field })),
        ]}
      />
      <DebouncedInput
        type="search"
        aria-label="Exact function name"
        placeholder="Exact function name"
        value={view.changes.name ?? ''}
        onValue={(name) => setChanges({ name: name.trim() || undefined }, true)}
        className="w-56"
      />
      <SincePicker query={view.changes} onChange={(range) => setChanges(range)} />
      {meta ? <AccountPicker view={view} meta={meta} setView={setView} /> : null}
      <RegionPicker
        regions={regionsOf(view, meta)}
        value={view.account === ALL_ACCOUNTS && view.regions.length === 0 ? 'all' : view.regions}
        onChange={(regions) => setView((v) => ({ ...v, regions }))}
      />
    </div>
  );
}
