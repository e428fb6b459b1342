import {
  CHANGED_WITHIN,
  type ChangedWithin,
  LIFECYCLE_LABELS,
  LIFECYCLE_STATUSES,
  type Lifecycle,
  lifecycleOf,
  withLifecycle,
} from '@fc-fleet/fleet-contract';
import { Select } from '../../../components/ui/select.tsx';
import type { ViewState } from '../../../lib/view-state.ts';
import type { FacetName, FacetsAnswer, Meta } from '../api/types.ts';
import { countsOf, facetOptions } from './facet-options.ts';
import { TagSelects } from './tag-selects.tsx';

/** What every control of the filter bar is given: the view, what the index knows and counts, and how to change the view. */
export interface FilterControlProps {
  view: ViewState;
  meta?: Meta;
  facets?: FacetsAnswer;
  /** A filter change; `replace` while typing, so Back skips the keystrokes. */
  setView: (update: (v: ViewState) => ViewState, replace?: boolean) => void;
}

const FC_VERSIONS: Record<string, string> = { v3: 'FC 3.0 only', v2: 'FC 2.0 only' };
const INTERNET: Record<string, string> = { true: 'Internet: yes', false: 'Internet: no' };
const CHANGED: Record<ChangedWithin, string> = {
  '1h': 'Changed: 1 h',
  '24h': 'Changed: 24 h',
  '7d': 'Changed: 7 d',
};
const isChangedWithin = (value: string): value is ChangedWithin => value in CHANGED_WITHIN;
const isLifecycle = (value: string): value is Lifecycle =>
  (LIFECYCLE_STATUSES as readonly string[]).includes(value);
// What a runtime's option adds to its name: `nodejs8 · deprecated (41)`.
const runtimeLabel = (now: Date) => (runtime: string) =>
  withLifecycle(runtime, lifecycleOf(runtime, now).status);

/** A select of one counted facet: "any" first, then each value with how many functions of the view have it. */
function CountedSelect({
  label,
  className,
  any,
  facet,
  known,
  chosen,
  labelOf,
  facets,
  onPick,
}: {
  label: string;
  className: string;
  /** The first option's label, for no filter. */
  any: string;
  facet: FacetName;
  /** The values listed first, in this order (values counted in the view follow). */
  known: readonly string[];
  chosen: string | undefined;
  labelOf?: (value: string) => string;
  facets: FacetsAnswer | undefined;
  /** The option picked: its value, or '' for "any". Read it now: React may put the value back before an updater runs. */
  onPick: (value: string) => void;
}) {
  return (
    <Select
      label={label}
      className={className}
      value={chosen ?? ''}
      onChange={(e) => onPick(e.target.value)}
      options={[{ value: '', label: any }, ...facetOptions(known, countsOf(facets, facet), chosen, labelOf)]}
    />
  );
}

/**
 * The selects of the facets the index counts: runtime, lifecycle, GPU type, FC version, internet
 * access and the `env`/`team` tags, each value with how many functions of the view have it; and
 * "changed within", which a pass's history decides (not counted).
 */
export function FacetSelects({ view, meta, facets, setView }: FilterControlProps) {
  const setText = (name: 'runtime' | 'gpuType', value: string) =>
    setView((v) => ({ ...v, text: { ...v.text, [name]: value || undefined } }));
  const now = new Date();
  return (
    <>
      <CountedSelect
        label="Runtime"
        className="w-40"
        any="Any runtime"
        facet="runtime"
        known={meta?.facets.runtimes ?? []}
        chosen={view.text.runtime}
        labelOf={runtimeLabel(now)}
        facets={facets}
        onPick={(value) => setText('runtime', value)}
      />
      <CountedSelect
        label="Runtime lifecycle"
        className="w-40"
        any="Lifecycle: any"
        facet="lifecycle"
        known={LIFECYCLE_STATUSES}
        chosen={view.lifecycle}
        labelOf={(value) => (isLifecycle(value) ? LIFECYCLE_LABELS[value] : value)}
        facets={facets}
        onPick={(value) => setView((v) => ({ ...v, lifecycle: isLifecycle(value) ? value : undefined }))}
      />
      <CountedSelect
        label="GPU type"
        className="w-44"
        any="Any GPU type"
        facet="gpuType"
        known={meta?.facets.gpuTypes ?? []}
        chosen={view.text.gpuType}
        facets={facets}
        onPick={(value) => setText('gpuType', value)}
      />
      <CountedSelect
        label="FC version"
        className="w-40"
        any="FC 2.0 and 3.0"
        facet="fcVersion"
        known={['v3', 'v2']}
        chosen={view.fcVersion}
        labelOf={(value) => FC_VERSIONS[value] ?? value}
        facets={facets}
        onPick={(value) =>
          setView((v) => ({ ...v, fcVersion: value === 'v2' || value === 'v3' ? value : undefined }))
        }
      />
      <CountedSelect
        label="Internet access"
        className="w-40"
        any="Internet: any"
        facet="internetAccess"
        known={['true', 'false']}
        chosen={view.internetAccess === undefined ? undefined : String(view.internetAccess)}
        labelOf={(value) => INTERNET[value] ?? value}
        facets={facets}
        onPick={(value) =>
          setView((v) => ({ ...v, internetAccess: value === '' ? undefined : value === 'true' }))
        }
      />
      <Select
        label="Changed within"
        title="Functions a sync pass saw change within the last hour, day or week"
        className="w-44"
        value={view.changed ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          setView((v) => ({ ...v, changed: isChangedWithin(value) ? value : undefined }));
        }}
        options={[
          { value: '', label: 'Changed: any' },
          ...Object.entries(CHANGED).map(([value, label]) => ({ value, label })),
        ]}
      />
      <TagSelects view={view} facets={facets} setView={setView} />
    </>
  );
}
