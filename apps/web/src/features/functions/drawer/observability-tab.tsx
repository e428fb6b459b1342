import type { FunctionView, LifecycleHook } from '../api/types.ts';
import { Empty, FieldList, Mono, Section, yesNo } from './field-list.tsx';

function Hook({ hook }: { hook?: LifecycleHook | null }) {
  if (!hook || (!hook.handler && !hook.command?.length))
    return <span className="text-slate-500 dark:text-slate-400">none</span>;
  return (
    <Mono>
      {hook.handler || (hook.command ?? []).join(' ')}
      {hook.timeout ? ` (timeout ${hook.timeout} s)` : ''}
    </Mono>
  );
}

/** Logs (project/logstore and metric switches), tracing and lifecycle hooks. */
export function ObservabilityTab({ fn }: { fn: FunctionView }) {
  const log = fn.logConfig;
  const trace = fn.tracingConfig;
  const hooks = fn.instanceLifecycleConfig;
  return (
    <div className="space-y-5">
      <Section title="Logs">
        {log?.project && log.logstore ? (
          <FieldList
            fields={[
              [
                'Project / logstore',
                <Mono key="p">
                  {log.project} / {log.logstore}
                </Mono>,
              ],
              ['Line start rule', log.logBeginRule],
              ['Request metrics', yesNo(log.enableRequestMetrics)],
              ['Instance metrics', yesNo(log.enableInstanceMetrics)],
              ['LLM metrics', yesNo(log.enableLlmMetrics)],
            ]}
          />
        ) : (
          <Empty>No logging configured: invocations are not written to Simple Log Service.</Empty>
        )}
      </Section>
      <Section title="Tracing">
        {trace?.type ? (
          <FieldList
            fields={[
              ['Type', trace.type],
              ...Object.entries(trace.params ?? {}).map(([k, v]): [string, React.ReactNode] => [
                k,
                <Mono key={k}>{v}</Mono>,
              ]),
            ]}
          />
        ) : (
          <Empty>No tracing configured.</Empty>
        )}
      </Section>
      <Section title="Lifecycle hooks">
        {hooks?.initializer || hooks?.preStop ? (
          <FieldList
            fields={[
              ['Initializer', <Hook key="i" hook={hooks.initializer} />],
              ['PreStop', <Hook key="p" hook={hooks.preStop} />],
            ]}
          />
        ) : (
          <Empty>No lifecycle hooks.</Empty>
        )}
      </Section>
    </div>
  );
}
