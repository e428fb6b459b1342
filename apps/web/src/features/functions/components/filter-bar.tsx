import { useEffect, useRef } from 'react';
import { DebouncedInput } from '../../../components/ui/debounced-input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import type { TextFilter, ViewState } from '../../../lib/view-state.ts';
import type { Meta } from '../api/types.ts';
import { RegionPicker } from './region-picker.tsx';

const MEMORY_STEPS = [128, 256, 512, 1024, 2048, 4096, 8192, 16_384, 32_768, 65_536];

/** The first toolbar row: search, prefix, account, regions and the native filters. */
export function FilterBar({
  view,
  meta,
  setView,
}: {
  view: ViewState;
  meta?: Meta;
  setView: (update: (v: ViewState) => ViewState, replace?: boolean) => void;
}) {
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
  const account = meta?.accounts.find((a) => a.alias === view.account) ?? meta?.accounts[0];
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
        className="w-40"
      />
      {meta && meta.accounts.length > 1 ? (
        <Select
          label="Account"
          value={account?.alias ?? ''}
          onChange={(e) => setView((v) => ({ ...v, account: e.target.value, regions: [] }))}
          options={meta.accounts.map((a) => ({ value: a.alias, label: a.alias }))}
        />
      ) : null}
      <RegionPicker
        regions={account?.regions ?? []}
        value={view.regions}
        onChange={(regions) => setView((v) => ({ ...v, regions }))}
      />
      <Select
        label="Runtime"
        value={choice(view.text.runtime)}
        onChange={(e) =>
          setView((v) => ({ ...v, text: { ...v.text, runtime: e.target.value || undefined } }))
        }
        options={[
          { value: '', label: 'Any runtime' },
          ...(meta?.facets.runtimes ?? []).map((r) => ({ value: r, label: r })),
          ...(view.text.runtime && !meta?.facets.runtimes.includes(view.text.runtime)
            ? [{ value: view.text.runtime, label: view.text.runtime }]
            : []),
        ]}
      />
      <Select
        label="GPU type"
        value={choice(view.text.gpuType)}
        onChange={(e) =>
          setView((v) => ({ ...v, text: { ...v.text, gpuType: e.target.value || undefined } }))
        }
        options={[
          { value: '', label: 'Any GPU type' },
          ...(meta?.facets.gpuTypes ?? []).map((g) => ({ value: g, label: g })),
        ]}
      />
      <Select
        label="FC version"
        value={choice(view.fcVersion)}
        onChange={(e) =>
          setView((v) => ({
            ...v,
            fcVersion: e.target.value === 'v2' || e.target.value === 'v3' ? e.target.value : undefined,
          }))
        }
        options={[
          { value: '', label: 'FC 2.0 and 3.0' },
          { value: 'v3', label: 'FC 3.0 only' },
          { value: 'v2', label: 'FC 2.0 only' },
        ]}
      />
      <DebouncedInput
        aria-label="Tags, key=value, comma separated"
        placeholder="Tags: env=prod"
        value={choice(view.text.tags)}
        onValue={setText('tags')}
        delayMs={700}
        className="w-36"
      />
      <Select
        label="Internet access"
        value={view.internetAccess === undefined ? '' : String(view.internetAccess)}
        onChange={(e) =>
          setView((v) => ({
            ...v,
            internetAccess: e.target.value === '' ? undefined : e.target.value === 'true',
          }))
        }
        options={[
          { value: '', label: 'Internet: any' },
          { value: 'true', label: 'Internet: yes' },
          { value: 'false', label: 'Internet: no' },
        ]}
      />
      <Select
        label="Minimum memory"
        value={view.memoryMin === undefined ? '' : String(view.memoryMin)}
        onChange={(e) =>
          setView((v) => ({ ...v, memoryMin: e.target.value ? Number(e.target.value) : undefined }))
        }
        options={[
          { value: '', label: 'Memory ≥ any' },
          ...MEMORY_STEPS.map((m) => ({
            value: String(m),
            label: `≥ ${m >= 1024 ? `${m / 1024} GB` : `${m} MB`}`,
          })),
        ]}
      />
      <Select
        label="Maximum memory"
        value={view.memoryMax === undefined ? '' : String(view.memoryMax)}
        onChange={(e) =>
          setView((v) => ({ ...v, memoryMax: e.target.value ? Number(e.target.value) : undefined }))
        }
        options={[
          { value: '', label: 'Memory ≤ any' },
          ...MEMORY_STEPS.map((m) => ({
            value: String(m),
            label: `≤ ${m >= 1024 ? `${m / 1024} GB` : `${m} MB`}`,
          })),
        ]}
      />
    </div>
  );
}
