import {
  CHANGED_WITHIN,
  type ChangedWithin,
  LIFECYCLE_LABELS,
  LIFECYCLE_SHORT,
  LIFECYCLE_STATUSES,
  type Lifecycle,
  lifecycleOf,
} from '@fc-fleet/fleet-contract';
import { Select } from '../../../components/ui/select.tsx';
import type { ViewState } from '../../../lib/view-state.ts';
import type { FacetsAnswer, Meta } from '../api/types.ts';
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
const runtimeLabel = (now: Date) => (runtime: string) => {
  const word = LIFECYCLE_SHORT[lifecycleOf(runtime, now).status];
  return word ? `${runtime} · ${word}` : runtime;
};

/**
 * The selects of the facets the index counts: runtime, lifecycle, GPU type, FC version, internet
 * access and the `env`/`team` tags, each value with how many functions of the view have it; and
 * "changed within", which a pass's history decides (not counted).
 */
export function FacetSelects({ view, meta, facets, setView }: FilterControlProps) {
  const setText = (name: 'runtime' | 'gpuType', value: string) =>
    setView((v) => ({ ...v, text: { ...v.text, [name]: value || undefined } }));
  const internet = view.internetAccess === undefined ? '' : String(view.internetAccess);
  const now = new Date();
  return (
    <>
      <Select
        label="Runtime"
        className="w-48"
        value={view.text.runtime ?? ''}
        onChange={(e) => setText('runtime', e.target.value)}
        options={[
          { value: '', label: 'Any runtime' },
          ...facetOptions(
            meta?.facets.runtimes ?? [],
            countsOf(facets, 'runtime'),
            view.text.runtime,
            runtimeLabel(now),
          ),
        ]}
      />
      <Select
        label="Runtime lifecycle"
        className="w-40"
        value={view.lifecycle ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          setView((v) => ({ ...v, lifecycle: isLifecycle(value) ? value : undefined }));
        }}
        options={[
          { value: '', label: 'Lifecycle: any' },
          ...facetOptions(LIFECYCLE_STATUSES, countsOf(facets, 'lifecycle'), view.lifecycle, (v) =>
            isLifecycle(v) ? LIFECYCLE_LABELS[v] : v,
          ),
        ]}
      />
      <Select
        label="GPU type"
        className="w-48"
        value={view.text.gpuType ?? ''}
        onChange={(e) => setText('gpuType', e.target.value)}
        options={[
          { value: '', label: 'Any GPU type' },
          ...facetOptions(meta?.facets.gpuTypes ?? [], countsOf(facets, 'gpuType'), view.text.gpuType),
        ]}
      />
      <Select
        label="FC version"
        className="w-40"
        value={view.fcVersion ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          setView((v) => ({ ...v, fcVersion: value === 'v2' || value === 'v3' ? value : undefined }));
        }}
        options={[
          { value: '', label: 'FC 2.0 and 3.0' },
          ...facetOptions(
            ['v3', 'v2'],
            countsOf(facets, 'fcVersion'),
            view.fcVersion,
            (v) => FC_VERSIONS[v] ?? v,
          ),
        ]}
      />
      <Select
        label="Internet access"
        className="w-40"
        value={internet}
        onChange={(e) => {
          const value = e.target.value;
          setView((v) => ({ ...v, internetAccess: value === '' ? undefined : value === 'true' }));
        }}
        options={[
          { value: '', label: 'Internet: any' },
          ...facetOptions(
            ['true', 'false'],
            countsOf(facets, 'internetAccess'),
            internet || undefined,
            (v) => INTERNET[v] ?? v,
          ),
        ]}
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
