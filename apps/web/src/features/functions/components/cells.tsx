import { lifecycleOf, type RuntimeLifecycle } from '@fc-fleet/fleet-contract';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatAbsolute, formatRelative } from '../../../lib/format.ts';
import type { FunctionView } from '../api/types.ts';

/**
 * What a runtime's status means, in a sentence: "Deprecated by Function Compute since 2025-04-20",
 * "Python 3.9 end of life 2025-10-31"; empty for a current runtime.
 */
export function lifecycleText(life: RuntimeLifecycle): string {
  if (life.status === 'deprecated') return `Deprecated by Function Compute since ${life.since ?? ''}`.trim();
  if (life.status === 'eol')
    return `${life.entry?.language ?? 'The language'} end of life ${life.since ?? ''}`.trim();
  return '';
}

/** A runtime, with a badge when FC deprecates it (red) or its language is past its end of life (amber). */
export function RuntimeCell({ runtime, now }: { runtime: string | null | undefined; now: Date }) {
  const life = lifecycleOf(runtime, now);
  const text = lifecycleText(life);
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span className="truncate font-mono text-xs" title={runtime ?? undefined}>
        {runtime || '—'}
      </span>
      {text ? (
        <Badge tone={life.status === 'deprecated' ? 'danger' : 'warn'} title={text} className="shrink-0">
          <span aria-hidden="true">{life.status === 'deprecated' ? 'deprecated' : 'EOL'}</span>
          <span className="sr-only">{text}</span>
        </Badge>
      ) : null}
    </span>
  );
}

/** A relative time with the absolute time and zone on hover. */
export function TimeCell({ iso }: { iso: string | null | undefined }) {
  return (
    <time
      dateTime={iso ?? undefined}
      title={formatAbsolute(iso)}
      className="text-slate-600 dark:text-slate-300"
    >
      {formatRelative(iso)}
    </time>
  );
}

/** VPC and internet access at a glance. */
export function NetworkCell({ fn }: { fn: FunctionView }) {
  const vpc = fn.vpcConfig?.vpcId;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {vpc ? (
        <Badge tone="vpc" title={vpc}>
          VPC
        </Badge>
      ) : null}
      {fn.internetAccess === false ? (
        <Badge tone="warn">no internet</Badge>
      ) : (
        <span className="text-xs text-slate-600 dark:text-slate-400">internet</span>
      )}
    </span>
  );
}

/** NAS, OSS and other mounts as badges. */
export function StorageCell({ fn }: { fn: FunctionView }) {
  const nas = fn.nasConfig?.mountPoints?.length ?? 0;
  const oss = fn.ossMountConfig?.mountPoints?.length ?? 0;
  const jfs = fn.juiceFsConfig?.mountPoints?.length ?? 0;
  const pfs = fn.polarFsConfig?.mountPoints?.length ?? 0;
  if (!nas && !oss && !jfs && !pfs) return <span className="text-slate-400 dark:text-slate-500">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {nas ? <Badge tone="storage">NAS{nas > 1 ? ` ×${nas}` : ''}</Badge> : null}
      {oss ? <Badge tone="storage">OSS{oss > 1 ? ` ×${oss}` : ''}</Badge> : null}
      {jfs ? <Badge tone="storage">JuiceFS</Badge> : null}
      {pfs ? <Badge tone="storage">PolarFS</Badge> : null}
    </span>
  );
}

/** Tags as `key=value` chips, at most three then a count. */
export function TagsCell({ tags }: { tags: FunctionView['tags'] }) {
  const list = tags ?? [];
  if (list.length === 0) return <span className="text-slate-400 dark:text-slate-500">—</span>;
  return (
    <span className="flex flex-wrap gap-1" title={list.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ')}>
      {list.slice(0, 3).map((t) => (
        <Badge key={t.Key}>
          {t.Key}={t.Value ?? ''}
        </Badge>
      ))}
      {list.length > 3 ? <Badge>+{list.length - 3}</Badge> : null}
    </span>
  );
}
