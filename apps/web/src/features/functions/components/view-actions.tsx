import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Menu } from '../../../components/ui/menu.tsx';
import type { FleetRow } from '../api/types.ts';
import { downloadRows } from '../hooks/export-rows.ts';
import type { ColumnPrefs } from '../hooks/use-column-prefs.ts';
import { COLUMN_FACTS } from './columns.tsx';

/** Columns, density, export and "Copy link". */
export function ViewActions({
  rows,
  prefs,
  update,
  reset,
}: {
  rows: FleetRow[];
  prefs: ColumnPrefs;
  update: (p: Partial<ColumnPrefs>) => void;
  reset: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const ids = prefs.order.length ? prefs.order : [...COLUMN_FACTS.keys()];
  const visible = (id: string) => prefs.visibility[id] ?? !COLUMN_FACTS.get(id)?.hiddenByDefault;
  const move = (id: string, delta: number) => {
    const order = [...ids];
    const i = order.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j] ?? id, order[i] ?? id];
    update({ order });
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex items-center gap-2">
      <Menu label="Columns" panelClassName="w-64">
        <div className="mb-2 flex items-center justify-between">
          <span className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Density</span>
          <span className="flex gap-1">
            {(['comfortable', 'compact'] as const).map((d) => (
              <Button
                key={d}
                size="sm"
                variant={prefs.density === d ? 'default' : 'outline'}
                aria-pressed={prefs.density === d}
                onClick={() => update({ density: d })}
              >
                {d}
              </Button>
            ))}
          </span>
        </div>
        <ul aria-label="Columns">
          {ids.map((id) => (
            <li
              key={id}
              className="flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-50 dark:hover:bg-slate-800"
            >
              <label className="flex flex-1 cursor-pointer items-center gap-2">
                <input
                  type="checkbox"
                  className="accent-orange-600"
                  checked={visible(id)}
                  disabled={id === 'name'}
                  onChange={(e) => update({ visibility: { ...prefs.visibility, [id]: e.target.checked } })}
                />
                {COLUMN_FACTS.get(id)?.label ?? id}
              </label>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Move ${COLUMN_FACTS.get(id)?.label ?? id} left`}
                onClick={() => move(id, -1)}
              >
                ↑
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Move ${COLUMN_FACTS.get(id)?.label ?? id} right`}
                onClick={() => move(id, 1)}
              >
                ↓
              </Button>
            </li>
          ))}
        </ul>
        <Button variant="link" size="sm" onClick={reset} className="mt-1">
          Reset columns
        </Button>
      </Menu>
      <Menu label="Export" panelClassName="w-60">
        <p className="mb-1 px-1 text-xs text-slate-500 dark:text-slate-400">
          The {rows.length.toLocaleString('en-US')} rows loaded in this view
        </p>
        <Button variant="ghost" className="w-full justify-start" onClick={() => downloadRows(rows, 'csv')}>
          Download CSV
        </Button>
        <Button variant="ghost" className="w-full justify-start" onClick={() => downloadRows(rows, 'json')}>
          Download JSON
        </Button>
      </Menu>
      <Button onClick={copyLink} aria-live="polite">
        {copied ? 'Link copied' : 'Copy link'}
      </Button>
    </div>
  );
}
