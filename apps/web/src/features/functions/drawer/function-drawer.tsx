import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { cn } from '../../../lib/cn.ts';
import { DRAWER_TABS, type DrawerTab, type ViewState } from '../../../lib/view-state.ts';
import { useFunctionQuery } from '../api/function-query.ts';
import type { FleetRow, Meta } from '../api/types.ts';
import { ConfigTab } from './config-tab.tsx';
import { ContainerTab } from './container-tab.tsx';
import { GpuTab } from './gpu-tab.tsx';
import { JsonTab } from './json-tab.tsx';
import { NetworkTab } from './network-tab.tsx';
import { ObservabilityTab } from './observability-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { NasTab, OssTab } from './storage-tabs.tsx';
import { useFocusTrap } from './use-focus-trap.ts';

const TAB_LABELS: Record<DrawerTab, string> = {
  overview: 'Overview',
  network: 'Network',
  nas: 'NAS',
  oss: 'OSS',
  container: 'Container',
  gpu: 'GPU',
  observability: 'Logs & tracing',
  config: 'Layers & env',
  history: 'History',
  json: 'JSON',
};

/** Props of the drawer: which function, the row already loaded (if any), and how to navigate. */
export interface FunctionDrawerProps {
  view: ViewState;
  target: { region: string; name: string };
  row?: FleetRow;
  meta?: Meta;
  onTab: (tab: DrawerTab) => void;
  onClose: () => void;
  go: (view: ViewState) => void;
  onMissing: (message: string) => void;
  /** The History tab, from the changes feature (the app composes the two; neither imports the other). */
  history: (props: {
    view: ViewState;
    target: { region: string; name: string };
    go: (view: ViewState) => void;
  }) => ReactNode;
}

/** The detail drawer: deep-linkable, tabbed, Esc closes, focus stays inside while it is open. */
export function FunctionDrawer({
  view,
  target,
  row,
  meta,
  onTab,
  onClose,
  go,
  onMissing,
  history,
}: FunctionDrawerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onClose);
  const live = useFunctionQuery(view.account, target.region, target.name);
  const error = live.error instanceof ApiError ? live.error : undefined;
  const missing =
    error?.code === 'FunctionNotFound' ||
    error?.code === 'UnknownRegion' ||
    error?.code === 'InvalidParameter';
  useEffect(() => {
    if (missing && !row)
      onMissing(
        `The function ${target.region}/${target.name} from the link does not exist (any more): ${error?.message ?? ''}`,
      );
  }, [missing, row, target.region, target.name, error?.message, onMissing]);
  const fn = live.data?.function ?? row?.function;
  const tabId = (tab: DrawerTab) => `drawer-tab-${tab}`;
  const onTabKey = (event: React.KeyboardEvent) => {
    const index = DRAWER_TABS.indexOf(view.tab);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = DRAWER_TABS[(index + delta + DRAWER_TABS.length) % DRAWER_TABS.length] ?? 'overview';
    onTab(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking the backdrop closes; Esc does the same by keyboard
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-900/30 dark:bg-black/50"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="drawer-title"
        className="flex h-full w-full max-w-3xl flex-col border-l border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-950"
      >
        <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-1">
              <h2 id="drawer-title" className="min-w-0 truncate text-lg font-semibold">
                {target.name}
              </h2>
              <CopyButton value={target.name} label="Copy function name" />
            </div>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {[live.data?.account ?? row?.account, target.region, fn?.runtime].filter(Boolean).join(' · ')}
            </p>
          </div>
          <Button variant="ghost" onClick={onClose} aria-label="Close details (Esc)">
            ✕
          </Button>
        </div>
        <div
          role="tablist"
          aria-label="Function details"
          className="flex gap-1 overflow-x-auto border-b border-slate-200 px-3 dark:border-slate-800"
          onKeyDown={onTabKey}
        >
          {DRAWER_TABS.map((tab) => (
            <button
              key={tab}
              id={tabId(tab)}
              type="button"
              role="tab"
              aria-selected={view.tab === tab}
              aria-controls="drawer-panel"
              tabIndex={view.tab === tab ? 0 : -1}
              onClick={() => onTab(tab)}
              className={cn(
                'border-b-2 px-2.5 py-2 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500',
                view.tab === tab
                  ? 'border-orange-600 font-medium text-orange-700 dark:text-orange-400'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
              )}
            >
              {TAB_LABELS[tab]}
            </button>
          ))}
        </div>
        <div
          id="drawer-panel"
          role="tabpanel"
          aria-labelledby={tabId(view.tab)}
          tabIndex={0}
          className="min-h-0 flex-1 overflow-y-auto px-5 py-4"
        >
          {!fn && live.isPending ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Loading {target.name}…</p>
          ) : null}
          {!fn && error ? (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
            >
              <strong>{error.code}</strong>: {error.message}
              {error.requestId ? (
                <span className="block font-mono text-xs">request {error.requestId}</span>
              ) : null}
            </div>
          ) : null}
          {fn ? (
            <>
              {view.tab === 'overview' ? (
                <OverviewTab
                  fn={fn}
                  live={live.data?.function}
                  liveError={error && !missing ? `${error.code}: ${error.message}` : undefined}
                />
              ) : null}
              {view.tab === 'network' ? <NetworkTab fn={fn} view={view} go={go} /> : null}
              {view.tab === 'nas' ? <NasTab fn={fn} view={view} go={go} /> : null}
              {view.tab === 'oss' ? <OssTab fn={fn} view={view} go={go} /> : null}
              {view.tab === 'container' ? <ContainerTab fn={fn} view={view} go={go} /> : null}
              {view.tab === 'gpu' ? <GpuTab fn={fn} catalog={meta?.gpuCatalog ?? []} /> : null}
              {view.tab === 'observability' ? <ObservabilityTab fn={fn} /> : null}
              {view.tab === 'config' ? <ConfigTab fn={fn} view={view} go={go} /> : null}
              {view.tab === 'history' ? history({ view, target, go }) : null}
              {view.tab === 'json' ? <JsonTab fn={fn} /> : null}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
