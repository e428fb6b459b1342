import type { ChangeQuery } from '@fc-fleet/fleet-contract';
import { useState } from 'react';
import { DebouncedInput } from '../../../components/ui/debounced-input.tsx';
import { Select } from '../../../components/ui/select.tsx';

/** The time ranges offered by name; anything else in the URL is a custom range. */
export const SINCE_PRESETS: Record<string, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};
const CUSTOM = 'custom';

/**
 * The time range: any time, a preset (`since=24h`), or a custom `since`/`until`, each an ISO 8601
 * time or a duration before now. A value the contract cannot read is dropped with a notice.
 */
export function SincePicker({
  query,
  onChange,
}: {
  query: ChangeQuery;
  onChange: (range: Pick<ChangeQuery, 'since' | 'until'>) => void;
}) {
  const preset = query.since && !query.until && SINCE_PRESETS[query.since] ? query.since : undefined;
  const fromUrl = Boolean(query.until || (query.since && !preset));
  const [custom, setCustom] = useState(fromUrl);
  const showCustom = custom || fromUrl;
  return (
    <>
      <Select
        label="Time range"
        className="w-40"
        value={showCustom ? CUSTOM : (preset ?? '')}
        onChange={(e) => {
          const value = e.target.value;
          setCustom(value === CUSTOM);
          if (value !== CUSTOM) onChange({ since: value || undefined, until: undefined });
        }}
        options={[
          { value: '', label: 'Any time' },
          ...Object.entries(SINCE_PRESETS).map(([value, label]) => ({ value, label })),
          { value: CUSTOM, label: 'Custom range…' },
        ]}
      />
      {showCustom ? (
        <>
          <DebouncedInput
            aria-label="Since: an ISO 8601 time or a duration such as 90m"
            placeholder="Since: 2026-11-28T09:00Z or 90m"
            value={query.since ?? ''}
            onValue={(since) => onChange({ since: since.trim() || undefined, until: query.until })}
            delayMs={800}
            className="w-56"
          />
          <DebouncedInput
            aria-label="Until: an ISO 8601 time or a duration such as 30m"
            placeholder="Until (optional)"
            value={query.until ?? ''}
            onValue={(until) => onChange({ since: query.since, until: until.trim() || undefined })}
            delayMs={800}
            className="w-44"
          />
        </>
      ) : null}
    </>
  );
}
