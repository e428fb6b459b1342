import { createColumnHelper } from '@tanstack/react-table';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatBytes, formatDuration, formatMemory, shortImage } from '../../../lib/format.ts';
import type { FleetRow } from '../api/types.ts';
import { NetworkCell, RuntimeCell, StorageCell, TagsCell, TimeCell } from './cells.tsx';
import type { ColumnFacts, Features } from './table-features.ts';

const helper = createColumnHelper<Features, FleetRow>();
const dim = 'text-slate-500 dark:text-slate-400';

/** A column's header and facts (its meta), from its label. */
const facts = (label: string, more: Omit<ColumnFacts, 'label'> = {}) => ({
  header: label,
  meta: { label, ...more },
});

/** The table's columns; `showPlace` adds region (and account) under the name when several are listed. */
export function buildColumns(showPlace: boolean, showAccount: boolean) {
  return helper.columns([
    helper.accessor((row) => row.function.functionName, {
      id: 'name',
      ...facts('Name', { sort: 'name' }),
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
      ...facts('Runtime', { sort: 'runtime' }),
      size: 170,
      // The day decides the status; a table open past midnight shows the next day's on its next render.
      cell: (c) => <RuntimeCell runtime={c.getValue()} now={new Date()} />,
    }),
    helper.accessor((row) => row.function.memorySize ?? 0, {
      id: 'resources',
      ...facts('Memory / vCPU / disk', { sort: 'memorySize' }),
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
      ...facts('GPU'),
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
      ...facts('Timeout', { sort: 'timeout' }),
      size: 100,
      cell: (c) => <span className="tabular-nums">{formatDuration(c.row.original.function.timeout)}</span>,
    }),
    helper.accessor((row) => row.function.instanceConcurrency ?? 1, {
      id: 'concurrency',
      ...facts('Concurrency', { hiddenByDefault: true }),
      size: 100,
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
    }),
    helper.display({
      id: 'network',
      ...facts('Network'),
      size: 160,
      cell: ({ row }) => <NetworkCell fn={row.original.function} />,
    }),
    helper.display({
      id: 'storage',
      ...facts('Storage'),
      size: 120,
      cell: ({ row }) => <StorageCell fn={row.original.function} />,
    }),
    helper.accessor((row) => row.function.customContainerConfig?.image ?? '', {
      id: 'image',
      ...facts('Container image'),
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
      ...facts('Layers'),
      size: 70,
      cell: (c) =>
        c.getValue() ? <span className="tabular-nums">{c.getValue()}</span> : <span className={dim}>—</span>,
    }),
    helper.accessor((row) => row.function.codeSize ?? 0, {
      id: 'code',
      ...facts('Code size', { sort: 'codeSize', hiddenByDefault: true }),
      size: 100,
      cell: (c) => <span className="tabular-nums">{formatBytes(c.getValue())}</span>,
    }),
    helper.accessor((row) => row.function.description ?? '', {
      id: 'description',
      ...facts('Description'),
      size: 260,
      cell: (c) => (
        <span className="truncate text-slate-600 dark:text-slate-300" title={c.getValue()}>
          {c.getValue() || '—'}
        </span>
      ),
    }),
    helper.display({
      id: 'tags',
      ...facts('Tags'),
      size: 220,
      cell: ({ row }) => <TagsCell tags={row.original.function.tags} />,
    }),
    helper.accessor((row) => row.function.resourceGroupId ?? '', {
      id: 'resourceGroup',
      ...facts('Resource group', { hiddenByDefault: true }),
      size: 170,
      cell: (c) => <span className="truncate font-mono text-xs">{c.getValue() || '—'}</span>,
    }),
    helper.accessor((row) => row.function.createdTime ?? '', {
      id: 'created',
      ...facts('Created', { sort: 'createdTime' }),
      size: 120,
      cell: (c) => <TimeCell iso={c.getValue()} />,
    }),
    helper.accessor((row) => row.function.lastModifiedTime ?? '', {
      id: 'modified',
      ...facts('Modified', { sort: 'lastModifiedTime' }),
      size: 120,
      cell: (c) => <TimeCell iso={c.getValue()} />,
    }),
    // When a sync pass last saw the function change; empty for one never seen changing.
    helper.accessor((row) => row.lastChange ?? '', {
      id: 'lastChange',
      ...facts('Last change', { sort: 'lastChange' }),
      size: 120,
      cell: (c) => (c.getValue() ? <TimeCell iso={c.getValue()} /> : null),
    }),
  ]);
}

/** Every column's facts by id, in the table's order: for the column chooser and default visibility. */
export const COLUMN_FACTS: ReadonlyMap<string, ColumnFacts> = new Map(
  buildColumns(false, false).flatMap((c) => (c.id && c.meta ? [[c.id, c.meta] as const] : [])),
);

/** The columns hidden until the user asks for them, as TanStack's visibility state. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = Object.fromEntries(
  [...COLUMN_FACTS].filter(([, f]) => f.hiddenByDefault).map(([id]) => [id, false]),
);
