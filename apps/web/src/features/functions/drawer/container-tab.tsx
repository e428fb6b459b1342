import { Badge } from '../../../components/ui/badge.tsx';
import type { FunctionView, HealthCheck } from '../api/types.ts';
import { Empty, FieldList, Mono, Section, yesNo } from './field-list.tsx';
import { FilterLink } from './filter-link.tsx';

function HealthCheckList({ check }: { check?: HealthCheck | null }) {
  if (!check?.httpGetUrl)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No health check</p>;
  return (
    <FieldList
      fields={[
        ['HTTP GET', <Mono key="u">{check.httpGetUrl}</Mono>],
        [
          'Initial delay / period / timeout',
          `${check.initialDelaySeconds ?? 0} s / ${check.periodSeconds ?? '—'} s / ${check.timeoutSeconds ?? '—'} s`,
        ],
        [
          'Failure / success threshold',
          `${check.failureThreshold ?? '—'} / ${check.successThreshold ?? '—'}`,
        ],
      ]}
    />
  );
}

/** Custom container (image, digest, acceleration, registry) or custom runtime (command, port). */
export function ContainerTab({ fn }: { fn: FunctionView }) {
  const c = fn.customContainerConfig;
  const r = fn.customRuntimeConfig;
  if (!c?.image && !r)
    return (
      <Empty>
        Not a custom container or custom runtime: the function runs on the {fn.runtime ?? 'built-in'} runtime.
      </Empty>
    );
  return (
    <div className="space-y-5">
      {c?.image ? (
        <>
          <Section title="Image">
            <FieldList
              fields={[
                ['Image', <FilterLink key="i" name="image" value={c.image} />],
                ['Resolved digest', <Mono key="d">{c.resolvedImageUri}</Mono>],
                ['Entrypoint', <Mono key="e">{(c.entrypoint ?? []).join(' ')}</Mono>],
                ['Command', <Mono key="c">{(c.command ?? []).join(' ')}</Mono>],
                ['Port', c.port],
                [
                  'Acceleration',
                  <span key="a" className="flex items-center gap-2">
                    {c.accelerationType ?? ''}
                    {c.accelerationInfo?.status && c.accelerationType !== 'None' ? (
                      <Badge
                        tone={
                          c.accelerationInfo.status === 'Ready'
                            ? 'gpu'
                            : c.accelerationInfo.status === 'Failed'
                              ? 'danger'
                              : 'warn'
                        }
                      >
                        {c.accelerationInfo.status}
                      </Badge>
                    ) : null}
                  </span>,
                ],
                ['ACR instance', c.acrInstanceId ? <Mono>{c.acrInstanceId}</Mono> : ''],
              ]}
            />
          </Section>
          <Section title="Health check">
            <HealthCheckList check={c.healthCheckConfig} />
          </Section>
          <Section title="Registry">
            {c.registryConfig ? (
              <FieldList
                fields={[
                  ['User', <Mono key="u">{c.registryConfig.authConfig?.userName}</Mono>],
                  ['Password', c.registryConfig.authConfig?.password ? 'set (kept on the server)' : 'none'],
                  ['Insecure (skip TLS verify)', yesNo(c.registryConfig.certConfig?.insecure)],
                  ['Custom root CA', c.registryConfig.certConfig?.rootCaCertBase64 ? 'yes' : 'no'],
                  [
                    'Network',
                    <Mono key="n">
                      {[
                        c.registryConfig.networkConfig?.vpcId,
                        c.registryConfig.networkConfig?.vSwitchId,
                        c.registryConfig.networkConfig?.securityGroupId,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Mono>,
                  ],
                ]}
              />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                Pulled from Alibaba Cloud Container Registry without extra registry settings.
              </p>
            )}
          </Section>
        </>
      ) : null}
      {r ? (
        <>
          <Section title="Custom runtime">
            <FieldList
              fields={[
                ['Command', <Mono key="c">{(r.command ?? []).join(' ')}</Mono>],
                ['Arguments', <Mono key="a">{(r.args ?? []).join(' ')}</Mono>],
                ['Port', r.port],
              ]}
            />
          </Section>
          <Section title="Health check">
            <HealthCheckList check={r.healthCheckConfig} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
