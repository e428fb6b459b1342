import { formatBytes } from '../../../lib/format.ts';
import type { FunctionView } from '../api/types.ts';
import { Empty, FieldList, Mono, Section, yesNo } from './field-list.tsx';
import { FilterLink } from './filter-link.tsx';

/** Layers, environment variable names (values never reach the browser), JuiceFS and PolarFS. */
export function ConfigTab({ fn }: { fn: FunctionView }) {
  const env = Object.keys(fn.environmentVariables ?? {}).sort();
  const jfs = fn.juiceFsConfig?.mountPoints ?? [];
  const pfs = fn.polarFsConfig?.mountPoints ?? [];
  return (
    <div className="space-y-5">
      <Section title="Layers">
        {fn.layers?.length ? (
          <ul className="space-y-1 text-sm">
            {fn.layers.map((l) => (
              <li key={l.arn}>
                {l.arn ? <FilterLink name="layer" value={l.arn} /> : null}{' '}
                <span className="text-xs text-slate-500 dark:text-slate-400">{formatBytes(l.size)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No layers.</Empty>
        )}
      </Section>
      <Section title="Environment variables">
        {env.length ? (
          <>
            <ul className="flex flex-wrap gap-1">
              {env.map((k) => (
                <li key={k} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
                  <Mono>{k}</Mono>
                </li>
              ))}
            </ul>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Values are masked by the server and never sent to the browser.
            </p>
          </>
        ) : (
          <Empty>No environment variables.</Empty>
        )}
      </Section>
      <Section title="JuiceFS">
        {jfs.length ? (
          <FieldList
            fields={jfs.map((m, i): [string, React.ReactNode] => [
              `Mount ${i + 1}`,
              <Mono key={i}>
                {m.volumeName}:{m.remoteDir} → {m.mountDir}
              </Mono>,
            ])}
          />
        ) : (
          <Empty>No JuiceFS mounts.</Empty>
        )}
      </Section>
      <Section title="PolarFS">
        {pfs.length ? (
          <FieldList
            fields={pfs.map((m, i): [string, React.ReactNode] => [
              `Mount ${i + 1}`,
              <Mono key={i}>
                {m.instanceId}:{m.remoteDir} → {m.mountDir} (read-only {yesNo(m.readOnly)})
              </Mono>,
            ])}
          />
        ) : (
          <Empty>No PolarFS mounts.</Empty>
        )}
      </Section>
    </div>
  );
}
