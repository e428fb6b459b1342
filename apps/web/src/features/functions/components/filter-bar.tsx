import { useEffect, useRef } from 'react';
import { DebouncedInput } from '../../../components/ui/debounced-input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ALL_ACCOUNTS, type TextFilter, type ViewState } from '../../../lib/view-state.ts';
import type { Meta } from '../api/types.ts';
import { AccountPicker } from './account-picker.tsx';
import { countsOf } from './facet-options.ts';
import { FacetSelects, type FilterControlProps } from './facet-selects.tsx';
import { RegionPicker } from './region-picker.tsx';

const MEMORY_STEPS = [128, 256, 512, 1024, 2048, 4096, 8192, 16_384, 32_768, 65_536];

const MEMORY_BOUNDS = {
  memoryMin: { label: 'Minimum memory', sign: '≥' },
  memoryMax: { label: 'Maximum memory', sign: '≤' },
} as const;

/** One end of the memory range: any, or a step from 128 MB to 64 GB. */
function MemorySelect({
  bound,
  view,
  setView,
}: Pick<FilterControlProps, 'view' | 'setView'> & { bound: keyof typeof MEMORY_BOUNDS }) {
  const { label, sign } = MEMORY_BOUNDS[bound];
  const value = view[bound];
  return (
    <Select
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const raw = e.target.value;
        setView((v) => ({ ...v, [bound]: raw ? Number(raw) : undefined }));
      }}
      options={[
        { value: '', label: `Memory ${sign} any` },
        ...MEMORY_STEPS.map((m) => ({
          value: String(m),
          label: `${sign} ${m >= 1024 ? `${m / 1024} GB` : `${m} MB`}`,
        })),
      ]}
    />
  );
}

/** The regions the picker offers: the account's, or every configured one for "All accounts". */
export function regionsOf(view: ViewState, meta: Meta | undefined): string[] {
  if (!meta) return [];
  if (view.account === ALL_ACCOUNTS) return [...new Set(meta.accounts.flatMap((a) => a.regions))];
  return (meta.accounts.find((a) => a.alias === view.account) ?? meta.accounts[0])?.regions ?? [];
}

/** The first toolbar row: search, prefix, account, regions, the counted facets, tags and memory. */
export function FilterBar({ view, meta, facets, setView }: FilterControlProps) {
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // The search field is behind the open drawer's backdrop: focus must stay in the dialog.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const setText = (name: TextFilter) => (value: string) =>
    setView((v) => ({ ...v, text: { ...v.text, [name]: value || undefined } }), true);
  const choice = (value: string | undefined) => value ?? '';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <DebouncedInput
        ref={search}
        id="search"
        type="search"
        aria-label="Search name, description or ARN (press /)"
        placeholder="Search name, description, ARN   /"
        value={choice(view.text.q)}
        onValue={setText('q')}
        className="w-72"
      />
      <DebouncedInput
        type="search"
        aria-label="Name prefix"
        placeholder="Name prefix"
        value={choice(view.text.prefix)}
        onValue={setText('prefix')}
        className="w-36"
      />
      {meta ? <AccountPicker view={view} meta={meta} facets={facets} setView={setView} /> : null}
      <RegionPicker
        regions={regionsOf(view, meta)}
        // "All accounts" without regions lists every configured region, as the BFF does.
        value={view.account === ALL_ACCOUNTS && view.regions.length === 0 ? 'all' : view.regions}
        counts={countsOf(facets, 'region')}
        onChange={(regions) => setView((v) => ({ ...v, regions }))}
      />
      <FacetSelects view={view} meta={meta} facets={facets} setView={setView} />
      <DebouncedInput
        aria-label="Tags, key=value, comma separated"
        placeholder="Tags: env=prod"
        value={choice(view.text.tags)}
        onValue={setText('tags')}
        delayMs={700}
        className="w-36"
      />
      <MemorySelect bound="memoryMin" view={view} setView={setView} />
      <MemorySelect bound="memoryMax" view={view} setView={setView} />
    </div>
  );
}
