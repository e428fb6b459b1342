import { Badge } from '../../../components/ui/badge.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import {
  formatAbsolute,
  formatBytes,
  formatDuration,
  formatMemory,
  formatRelative,
} from '../../../lib/format.ts';
import type { FunctionView } from '../api/types.ts';
import { FieldList, Mono, Section } from './field-list.tsx';
import { RuntimeLifecycleText } from './runtime-lifecycle-text.tsx';

function StateBadge({ state }: { state?: string | null }) {
  if (!state) return <span className="text-slate-500 dark:text-slate-400">loading…</span>;
  const tone = state === 'Active' || state === 'Successful' ? 'gpu' : state === 'Failed' ? 'danger' : 'warn';
  return <Badge tone={tone}>{state}</Badge>;
}

/** Identity, sizing, code, times, tags and the live state from GetFunction. */
export function OverviewTab({
  fn,
  live,
  liveError,
}: {
  fn: FunctionView;
  live?: FunctionView;
  liveError?: string;
}) {
  const when = (iso?: string | null) =>
    iso ? (
      <span title={formatAbsolute(iso)}>
        {formatRelative(iso)} ·{' '}
        <span className="text-slate-500 dark:text-slate-400">{formatAbsolute(iso)}</span>
      </span>
    ) : (
      ''
    );
  return (
    <div className="space-y-5">
      <Section title="State">
        {liveError ? (
          <p className="text-sm text-red-700 dark:text-red-300">{liveError}</p>
        ) : (
          <FieldList
            fields={[
              [
                'State',
                <span key="s" className="flex items-center gap-2">
                  <StateBadge state={live?.state} />
                  {live?.stateReason ? (
                    <span className="text-slate-600 dark:text-slate-300">
                      {live.stateReason}
                      {live.stateReasonCode ? ` (${live.stateReasonCode})` : ''}
                    </span>
                  ) : null}
                </span>,
              ],
              [
                'Last update',
                <span key="u" className="flex items-center gap-2">
                  <StateBadge state={live?.lastUpdateStatus} />
                  {live?.lastUpdateStatusReason ? (
                    <span className="text-slate-600 dark:text-slate-300">
                      {live.lastUpdateStatusReason}
                      {live.lastUpdateStatusReasonCode ? ` (${live.lastUpdateStatusReasonCode})` : ''}
                    </span>
                  ) : null}
                </span>,
              ],
            ]}
          />
        )}
      </Section>
      <Section title="Identity">
        <FieldList
          fields={[
            [
              'ARN',
              fn.functionArn ? (
                <span className="flex items-center gap-1">
                  <Mono>{fn.functionArn}</Mono>
                  <CopyButton value={fn.functionArn} label="Copy ARN" />
                </span>
              ) : (
                ''
              ),
            ],
            ['Function id', <Mono key="id">{fn.functionId}</Mono>],
            ['Description', fn.description],
            ['Runtime', <Mono key="rt">{fn.runtime}</Mono>],
            ['Runtime lifecycle', <RuntimeLifecycleText key="life" runtime={fn.runtime} now={new Date()} />],
            ['Handler', <Mono key="h">{fn.handler}</Mono>],
            ['Role', fn.role ? <Mono>{fn.role}</Mono> : ''],
            ['Resource group', fn.resourceGroupId ? <Mono>{fn.resourceGroupId}</Mono> : ''],
          ]}
        />
      </Section>
      <Section title="Resources">
        <FieldList
          fields={[
            ['vCPU', fn.cpu],
            ['Memory', formatMemory(fn.memorySize)],
            ['Disk', formatMemory(fn.diskSize)],
            ['Timeout', formatDuration(fn.timeout)],
            ['Concurrency per instance', fn.instanceConcurrency],
            ['Instance isolation', fn.instanceIsolationMode],
          ]}
        />
      </Section>
      <Section title="Code and history">
        <FieldList
          fields={[
            ['Code size', formatBytes(fn.codeSize)],
            ['Checksum', <Mono key="c">{fn.codeChecksum}</Mono>],
            ['Created', when(fn.createdTime)],
            ['Modified', when(fn.lastModifiedTime)],
          ]}
        />
      </Section>
      <Section title="Tags">
        {fn.tags?.length ? (
          <ul className="flex flex-wrap gap-1">
            {fn.tags.map((t) => (
              <li key={t.Key}>
                <Badge>
                  {t.Key}={t.Value ?? ''}
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No tags</p>
        )}
      </Section>
    </div>
  );
}
