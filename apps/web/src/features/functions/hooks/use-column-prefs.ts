import { useCallback, useEffect, useState } from 'react';

/** Columns the user may show, hide, reorder and resize; remembered in this browser. */
export interface ColumnPrefs {
  visibility: Record<string, boolean>;
  order: string[];
  sizing: Record<string, number>;
  density: 'comfortable' | 'compact';
}

const KEY = 'fc-fleet:columns:v1';
const EMPTY: ColumnPrefs = { visibility: {}, order: [], sizing: {}, density: 'comfortable' };

function read(): ColumnPrefs {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return EMPTY;
    const r = raw as Partial<Record<keyof ColumnPrefs, unknown>>;
    const record = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
    return {
      visibility: Object.fromEntries(
        Object.entries(record(r.visibility)).filter(([, v]) => typeof v === 'boolean'),
      ) as Record<string, boolean>,
      order: Array.isArray(r.order) ? r.order.filter((x): x is string => typeof x === 'string') : [],
      sizing: Object.fromEntries(
        Object.entries(record(r.sizing)).filter(([, v]) => typeof v === 'number' && v >= 40 && v <= 1200),
      ) as Record<string, number>,
      density: r.density === 'compact' ? 'compact' : 'comfortable',
    };
  } catch {
    return EMPTY;
  }
}

/** Column visibility, order, widths and row density, persisted to localStorage. */
export function useColumnPrefs() {
  const [prefs, setPrefs] = useState<ColumnPrefs>(read);
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // Storage may be full or blocked in a sandboxed frame; preferences then last for the session.
    }
  }, [prefs]);
  const update = useCallback(
    <K extends keyof ColumnPrefs>(
      key: K,
      value: ColumnPrefs[K] | ((old: ColumnPrefs[K]) => ColumnPrefs[K]),
    ) => {
      setPrefs((old) => ({
        ...old,
        [key]:
          typeof value === 'function' ? (value as (o: ColumnPrefs[K]) => ColumnPrefs[K])(old[key]) : value,
      }));
    },
    [],
  );
  const reset = useCallback(() => setPrefs(EMPTY), []);
  return { prefs, update, reset };
}
