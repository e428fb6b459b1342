import { CHANGED_WITHIN, type ChangedWithin } from '@fc-fleet/fleet-contract';
import { Select } from '../../../components/ui/select.tsx';
import { tagValue, withTag } from '../../../lib/tag-filter.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import type { FacetsAnswer, Meta } from '../api/types.ts';
import { countsOf, facetOptions } from './facet-options.ts';

type SetView = (update: (v: ViewState) => ViewState, replace?: boolean) => void;

const TAG_KEYS = ['env', 'team'] as const;
const FC_VERSIONS: Record<string, string> = { v3: 'FC 3.0 only', v2: 'FC 2.0 only' };
const INTERNET: Record<string, string> = { true: 'Internet: yes', false: 'Internet: no' };
const CHANGED: Record<ChangedWithin, string> = {
  '1h': 'Changed: 1 h',
  '24h': 'Changed: 24 h',
  '7d': 'Changed: 7 d',
};
const isChangedWithin = (value: string): value is ChangedWithin => value in CHANGED_WITHIN;

/**
 * The selects of the facets the index counts: runtime, GPU type, FC version, internet access and
 * the `env`/`team` tags, each value with how many functions of the view have it; and "changed
 * within", which a pass's history decides (not counted).
 */
export function FacetSelects({
  view,
  meta,
  facets,
  setView,
}: {
  view: ViewState;
  meta?: Meta;
  facets?: FacetsAnswer;
  setView: SetView;
}) {
  const setText = (name: 'runtime' | 'gpuType', value: string) =>
    setView((v) => ({ ...v, text: { ...v.text, [name]: value || undefined } }));
  const internet = view.internetAccess === undefined ? '' : String(view.internetAccess);
  return (
    <>
      <Select
        label="Runtime"
        className="w-48"
        value={view.text.runtime ?? ''}
        onChange={(e) => setText('runtime', e.target.value)}
        options={[
          { value: '', label: 'Any runtime' },
          ...facetOptions(meta?.facets.runtimes ?? [], countsOf(facets, 'runtime'), view.text.runtime),
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
      {TAG_KEYS.map((key) => {
        const chosen = tagValue(view.text.tags, key);
        return (
          <Select
            key={key}
            label={`Tag ${key}`}
            className="w-32"
            value={chosen ?? ''}
            onChange={(e) => {
              // Read now: the updater may run after React has put the controlled value back.
              const value = e.target.value || undefined;
              setView((v) => ({ ...v, text: { ...v.text, tags: withTag(v.text.tags, key, value) } }));
            }}
            options={[
              { value: '', label: `${key}: any` },
              ...facetOptions([], countsOf(facets, key), chosen, (v) => `${key}: ${v}`),
            ]}
          />
        );
      })}
    </>
  );
}
