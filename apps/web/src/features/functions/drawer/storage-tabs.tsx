import type { FunctionView } from '../api/types.ts';
import { Empty, FieldList, Mono, Section, yesNo } from './field-list.tsx';
import { FilterLink } from './filter-link.tsx';

/** NAS: owner ids and each mount `serverAddr -> mountDir`. */
export function NasTab({ fn }: { fn: FunctionView }) {
  const nas = fn.nasConfig;
  const mounts = nas?.mountPoints ?? [];
  if (mounts.length === 0) return <Empty>No NAS configured.</Empty>;
  return (
    <div className="space-y-5">
      <Section title="Owner">
        <FieldList
          fields={[
            ['User id', nas?.userId],
            ['Group id', nas?.groupId],
          ]}
        />
      </Section>
      <Section title="Mount points">
        <ul className="space-y-2">
          {mounts.map((m) => {
            const host = (m.serverAddr ?? '').split(':')[0] ?? '';
            return (
              <li
                key={`${m.serverAddr}-${m.mountDir}`}
                className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
              >
                <FilterLink name="nasServer" value={host}>
                  {m.serverAddr}
                </FilterLink>{' '}
                <span aria-hidden="true">→</span>
                <span className="sr-only">mounted at</span> <Mono>{m.mountDir}</Mono>
                <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
                  TLS {yesNo(m.enableTLS) || 'no'}
                </span>
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}

/** OSS: each mount `bucket/path -> mountDir`, read-only flag and endpoint. */
export function OssTab({ fn }: { fn: FunctionView }) {
  const mounts = fn.ossMountConfig?.mountPoints ?? [];
  if (mounts.length === 0) return <Empty>No OSS bucket mounted.</Empty>;
  return (
    <Section title="Mount points">
      <ul className="space-y-2">
        {mounts.map((m) => (
          <li
            key={`${m.bucketName}-${m.mountDir}`}
            className="space-y-1 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
          >
            <div>
              {m.bucketName ? <FilterLink name="ossBucket" value={m.bucketName} /> : null}
              <Mono>{m.bucketPath ?? '/'}</Mono> <span aria-hidden="true">→</span>
              <span className="sr-only">mounted at</span> <Mono>{m.mountDir}</Mono>
            </div>
            <FieldList
              fields={[
                ['Read-only', yesNo(m.readOnly)],
                ['Endpoint', <Mono key="e">{m.endpoint}</Mono>],
              ]}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
