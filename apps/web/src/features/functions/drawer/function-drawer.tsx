import * as Dialog from '@radix-ui/react-dialog';
import * as Tabs from '@radix-ui/react-tabs';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { cn } from '../../../lib/cn.ts';
import { useView } from '../../../lib/view-context.tsx';
import { DRAWER_TABS, type DrawerTab } from '../../../lib/view-state.ts';
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

/**
 * Props of the drawer: which function, the row already loaded (if any), and what to do on a tab
 * change, on close and when the function is gone. The view (its account, its tab) and navigation
 * come from the nearest ViewProvider.
 */
export interface FunctionDrawerProps {
  target: { region: string; name: string };
  row?: FleetRow;
  meta?: Meta;
  onTab: (tab: DrawerTab) => void;
  onClose: () => void;
  onMissing: (message: string) => void;
  /** The History tab, from the changes feature (the app composes the two; neither imports the other). */
  history: (props: { target: { region: string; name: string } }) => ReactNode;
}

/**
 * The detail drawer: deep-linkable, tabbed. Radix's dialog keeps focus inside while it is open,
 * closes on Esc or a click outside and gives focus back on close; its tabs move with the arrow
 * keys, and the tab lives in the URL.
 */
export function FunctionDrawer({
  target,
  row,
  meta,
  onTab,
  onClose,
  onMissing,
  history,
}: FunctionDrawerProps) {
  const { view } = useView();
  const tabs = useRef<HTMLDivElement>(null);
  // What had focus when the drawer opened (the table, a link), read before the dialog takes it;
  // focus goes back there on close.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
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
  const panel = (tab: DrawerTab) => {
    if (!fn) return null;
    switch (tab) {
      case 'overview':
        return (
          <OverviewTab
            fn={fn}
            live={live.data?.function}
            liveError={error && !missing ? `${error.code}: ${error.message}` : undefined}
          />
        );
      case 'network':
        return <NetworkTab fn={fn} />;
      case 'nas':
        return <NasTab fn={fn} />;
      case 'oss':
        return <OssTab fn={fn} />;
      case 'container':
        return <ContainerTab fn={fn} />;
      case 'gpu':
        return <GpuTab fn={fn} catalog={meta?.gpuCatalog ?? []} />;
      case 'observability':
        return <ObservabilityTab fn={fn} />;
      case 'config':
        return <ConfigTab fn={fn} />;
      case 'history':
        return history({ target });
      case 'json':
        return <JsonTab fn={fn} />;
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => open || onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 dark:bg-black/50" />
        <Dialog.Content
          // The page's own shortcuts (`/` to search) look for a modal dialog before they act.
          aria-modal="true"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            if (!opener?.isConnected) return;
            event.preventDefault();
            opener.focus();
          }}
          onOpenAutoFocus={(event) => {
            // The selected tab, not the first button: arrows then move between tabs at once.
            event.preventDefault();
            tabs.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
          }}
          className="fixed inset-y-0 right-0 z-40 flex h-full w-full max-w-3xl flex-col border-l border-slate-200 bg-white shadow-2xl focus:outline-none dark:border-slate-700 dark:bg-slate-950"
        >
          <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-1">
                <Dialog.Title className="min-w-0 truncate text-lg font-semibold">{target.name}</Dialog.Title>
                <CopyButton value={target.name} label="Copy function name" />
              </div>
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {[live.data?.account ?? row?.account, target.region, fn?.runtime].filter(Boolean).join(' · ')}
              </p>
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" aria-label="Close details (Esc)">
                ✕
              </Button>
            </Dialog.Close>
          </div>
          <Tabs.Root
            value={view.tab}
            onValueChange={(tab) => onTab(tab as DrawerTab)}
            className="flex min-h-0 flex-1 flex-col"
          >
            <Tabs.List
              ref={tabs}
              aria-label="Function details"
              className="flex gap-1 overflow-x-auto border-b border-slate-200 px-3 dark:border-slate-800"
            >
              {DRAWER_TABS.map((tab) => (
                <Tabs.Trigger
                  key={tab}
                  value={tab}
                  className={cn(
                    'border-b-2 px-2.5 py-2 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500',
                    view.tab === tab
                      ? 'border-orange-600 font-medium text-orange-700 dark:text-orange-400'
                      : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
                  )}
                >
                  {TAB_LABELS[tab]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            <Tabs.Content value={view.tab} tabIndex={0} className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
              {!fn && live.isPending ? (
                <p className="text-sm text-slate-500 dark:text-slate-400">Loading {target.name}…</p>
              ) : null}
              {!fn && error ? (
                <ErrorPanel
                  title={`The details of ${target.name} could not be loaded`}
                  code={error.code}
                  message={error.message}
                  {...(error.requestId ? { requestId: error.requestId } : {})}
                  retry={() => void live.refetch()}
                />
              ) : null}
              {panel(view.tab)}
            </Tabs.Content>
          </Tabs.Root>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
