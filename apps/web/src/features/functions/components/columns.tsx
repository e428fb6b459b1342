import { createColumnHelper } from '@tanstack/react-table';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatBytes, formatDuration, formatMemory, shortImage } from '../../../lib/format.ts';
import type { SortField } from '../../../lib/view-state.ts';
import type { FleetRow } from '../api/types.ts';
import { NetworkCell, StorageCell, TagsCell, TimeCell } from './cells.tsx';
import type { Features } from './table-features.ts';

const helper = createColumnHelper<Features, FleetRow>();
const dim = 'text-slate-500 dark:text-slate-400';

/** Which BFF sort each sortable column maps to. */
export const SORT_BY_COLUMN: Partial<Record<string, SortField>> = {
  name: 'name',
  runtime: 'runtime',
  resources: 'memorySize',
  timeout: 'timeout',
  code: 'codeSize',
  created: 'createdTime',
  modified: 'lastModifiedTime',
  lastChange: 'lastChange',
};

/** Human names of the columns, for the column chooser. */
export const COLUMN_LABELS: Record<string, string> = {
  name: 'Name',
  runtime: 'Runtime',
  resources: 'Memory / vCPU / disk',
  gpu: 'GPU',
  timeout: 'Timeout',
  concurrency: 'Concurrency',
  network: 'Network',
  storage: 'Storage',
  image: 'Container image',
  layers: 'Layers',
  code: 'Code size',
  description: 'Description',
  tags: 'Tags',
  resourceGroup: 'Resource group',
  created: 'Created',
  modified: 'Modified',
  lastChange: 'Last change',
};

/** Columns hidden until the user asks for them. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = {
  code: false,
  resourceGroup: false,
  concurrency: false,
};

/** The table's columns; `showPlace` adds region (and account) under the name when several are listed. */
export function buildColumns(showPlace: boolean, showAccount: boolean) {
  return helper.columns([
    helper.accessor((row) => row.function.functionName, {
      id: 'name',
      header: 'Name',
      size: 300,
      cell: ({ row }) => (
        <span className="flex min-w-0 flex-col">
          <span
            className="truncate font-medium text-slate-900 dark:text-slate-50"
            title={row.original.function.functionName}
          >
            {row.original.function.functionName}
          </span>
          {showPlace ? (
            <span className="truncate text-xs text-slate-500 dark:text-slate-400">
              {showAccount ? `${row.original.account} · ` : ''}
              {row.original.region}
            </span>
          ) : null}
        </span>
      ),
    }),
    helper.accessor((row) => row.function.runtime ?? '', {
      id: 'runtime',
      header: 'Runtime',
      size: 150,
      cell: (c) => <span className="font-mono text-xs">{c.getValue() || '—'}</span>,
    }),
    helper.accessor((row) => row.function.memorySize ?? 0, {
      id: 'resources',
      header: 'Memory / vCPU / disk',
      size: 220,
      cell: ({ row }) => {
        const fn = row.original.function;
        return (
          <span className="tabular-nums">
            {formatMemory(fn.memorySize)} · {fn.cpu ?? '—'} vCPU · {formatMemory(fn.diskSize)}
          </span>
        );
      },
    }),
    helper.accessor((row) => row.function.gpuConfig?.gpuType ?? '', {
      id: 'gpu',
      header: 'GPU',
      size: 150,
      cell: ({ row }) => {
        const gpu = row.original.function.gpuConfig;
        return gpu?.gpuType ? (
          <Badge tone="gpu" title={`${gpu.gpuType}, ${formatMemory(gpu.gpuMemorySize)}`}>
            {gpu.gpuType.replace('fc.gpu.', '')} · {formatMemory(gpu.gpuMemorySize)}
          </Badge>
        ) : (
          <span className={dim}>—</span>
        );
      },
    }),
    helper.accessor((row) => row.function.timeout ?? 0, {
      id: 'timeout',
      header: 'Timeout',
      size: 100,
      cell: (c) => <span className="tabular-nums">{formatDuration(c.row.original.function.timeout)}</span>,
    }),
    helper.accessor((row) => row.function.instanceConcurrency ?? 1, {
      id: 'concurrency',
      header: 'Concurrency',
      size: 100,
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
    }),
    helper.display({
      id: 'network',
      header: 'Network',
      size: 160,
      cell: ({ row }) => <NetworkCell fn={row.original.function} />,
    }),
    helper.display({
      id: 'storage',
      header: 'Storage',
      size: 120,
      cell: ({ row }) => <StorageCell fn={row.original.function} />,
    }),
    helper.accessor((row) => row.function.customContainerConfig?.image ?? '', {
      id: 'image',
      header: 'Container image',
      size: 200,
      cell: (c) =>
        c.getValue() ? (
          <span className="truncate font-mono text-xs" title={c.getValue()}>
            {shortImage(c.getValue())}
          </span>
        ) : (
          <span className={dim}>—</span>
        ),
    }),
    helper.accessor((row) => row.function.layers?.length ?? 0, {
      id: 'layers',
      header: 'Layers',
      size: 70,
      cell: (c) =>
        c.getValue() ? <span className="tabular-nums">{c.getValue()}</span> : <span className={dim}>—</span>,
    }),
    helper.accessor((row) => row.function.codeSize ?? 0, {
      id: 'code',
      header: 'Code size',
      size: 100,
      cell: (c) => <span className="tabular-nums">{formatBytes(c.getValue())}</span>,
    }),
    helper.accessor((row) => row.function.description ?? '', {
      id: 'description',
      header: 'Description',
      size: 260,
      cell: (c) => (
        <span className="truncate text-slate-600 dark:text-slate-300" title={c.getValue()}>
          {c.getValue() || '—'}
        </span>
      ),
    }),
    helper.display({
      id: 'tags',
      header: 'Tags',
      size: 220,
      cell: ({ row }) => <TagsCell tags={row.original.function.tags} />,
    }),
    helper.accessor((row) => row.function.resourceGroupId ?? '', {
      id: 'resourceGroup',
      header: 'Resource group',
      size: 170,
      cell: (c) => <span className="truncate font-mono text-xs">{c.getValue() || '—'}</span>,
    }),
    helper.accessor((row) => row.function.createdTime ?? '', {
      id: 'created',
      header: 'Created',
      size: 120,
      cell: (c) => <TimeCell iso={c.getValue()} />,
    }),
    helper.accessor((row) => row.function.lastModifiedTime ?? '', {
      id: 'modified',
      header: 'Modified',
      size: 120,
      cell: (c) => <TimeCell iso={c.getValue()} />,
    }),
    // When a sync pass last saw the function change; empty for one never seen changing.
    helper.accessor((row) => row.lastChange ?? '', {
      id: 'lastChange',
      header: 'Last change',
      size: 120,
      cell: (c) => (c.getValue() ? <TimeCell iso={c.getValue()} /> : null),
    }),
  ]);
}
