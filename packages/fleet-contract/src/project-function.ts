import type { FcFunction } from '@fc-fleet/fc-api';
import {
  type FunctionView,
  type HealthCheckView,
  type LifecycleHookView,
  SECRET_MASK,
} from './function-view.ts';
import { maskArgv, maskParams, maskUrl } from './mask-free-text.ts';

type Maybe<T> = T | null | undefined;

// Each helper turns null into "absent", so the projection never carries a null and an empty
// object is never invented for a block the cloud did not send.
const str = (v: Maybe<string>) => (typeof v === 'string' ? v : undefined);
const num = (v: Maybe<number>) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: Maybe<boolean>) => (typeof v === 'boolean' ? v : undefined);
const strs = (v: Maybe<readonly string[]>) =>
  Array.isArray(v) ? v.filter((s) => typeof s === 'string') : undefined;
const list = <T, U>(v: Maybe<readonly T[]>, f: (item: T) => U) => (Array.isArray(v) ? v.map(f) : undefined);
const block = <T extends object, U>(v: Maybe<T>, f: (value: T) => U) =>
  v !== null && typeof v === 'object' ? f(v) : undefined;
const argv = (v: Maybe<readonly string[]>, program: boolean) => {
  const items = strs(v);
  return items ? maskArgv(items, { program }) : undefined;
};
const masked = (v: Maybe<Readonly<Record<string, string>>>) =>
  v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).map((k) => [k, SECRET_MASK])) : undefined;
const url = (v: Maybe<string>) => (typeof v === 'string' ? maskUrl(v) : undefined);

/** Removes the keys whose value is undefined, so the JSON (and the store) holds only what is known. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

type Check = NonNullable<NonNullable<FcFunction['customContainerConfig']>['healthCheckConfig']>;
const healthCheck = (c: Check): HealthCheckView =>
  compact({
    httpGetUrl: url(c.httpGetUrl),
    initialDelaySeconds: num(c.initialDelaySeconds),
    periodSeconds: num(c.periodSeconds),
    timeoutSeconds: num(c.timeoutSeconds),
    failureThreshold: num(c.failureThreshold),
    successThreshold: num(c.successThreshold),
  });

type Hook = NonNullable<NonNullable<FcFunction['instanceLifecycleConfig']>['initializer']>;
const hook = (h: Hook): LifecycleHookView =>
  compact({ handler: str(h.handler), timeout: num(h.timeout), command: argv(h.command, true) });

type Container = NonNullable<FcFunction['customContainerConfig']>;
function container(c: Container): NonNullable<FunctionView['customContainerConfig']> {
  return compact({
    image: str(c.image),
    resolvedImageUri: str(c.resolvedImageUri),
    entrypoint: argv(c.entrypoint, true),
    command: argv(c.command, (strs(c.entrypoint) ?? []).length === 0),
    port: num(c.port),
    acrInstanceId: str(c.acrInstanceId),
    accelerationType: str(c.accelerationType),
    accelerationInfo: block(c.accelerationInfo, (a) => compact({ status: str(a.status) })),
    healthCheckConfig: block(c.healthCheckConfig, healthCheck),
    registryConfig: block(c.registryConfig, (r) =>
      compact({
        authConfig: block(r.authConfig, (a) =>
          compact({ userName: str(a.userName), password: a.password ? SECRET_MASK : undefined }),
        ),
        certConfig: block(r.certConfig, (cc) =>
          compact({ insecure: bool(cc.insecure), rootCaCertBase64: str(cc.rootCaCertBase64) }),
        ),
        networkConfig: block(r.networkConfig, (n) =>
          compact({
            vpcId: str(n.vpcId),
            vSwitchId: str(n.vSwitchId),
            securityGroupId: str(n.securityGroupId),
          }),
        ),
      }),
    ),
  });
}

/**
 * Projects a function from the cloud onto {@link FunctionView}: the allow-list of what may leave
 * the BFF. Named fields are copied, unknown ones dropped at every level, secrets masked
 * (environment and JuiceFS values, the registry password, mount tokens) and free-form strings
 * that can carry them reduced to their safe parts (commands and args by `maskArgv`, URLs without
 * user info or query, tracing parameters down to their origin). The input is not changed.
 * @example projectFunction(fn).environmentVariables // { DB_PASSWORD: '******' }
 */
export function projectFunction(fn: FcFunction): FunctionView {
  return compact({
    functionName: fn.functionName,
    functionArn: str(fn.functionArn),
    functionId: str(fn.functionId),
    description: str(fn.description),
    runtime: str(fn.runtime),
    handler: str(fn.handler),
    cpu: num(fn.cpu),
    memorySize: num(fn.memorySize),
    diskSize: num(fn.diskSize),
    timeout: num(fn.timeout),
    instanceConcurrency: num(fn.instanceConcurrency),
    instanceIsolationMode: str(fn.instanceIsolationMode),
    codeChecksum: str(fn.codeChecksum),
    codeSize: num(fn.codeSize),
    createdTime: str(fn.createdTime),
    lastModifiedTime: str(fn.lastModifiedTime),
    role: str(fn.role),
    resourceGroupId: str(fn.resourceGroupId),
    internetAccess: bool(fn.internetAccess),
    disableOndemand: bool(fn.disableOndemand),
    disableInjectCredentials: str(fn.disableInjectCredentials),
    enableLongLiving: bool(fn.enableLongLiving),
    idleTimeout: num(fn.idleTimeout),
    sessionAffinity: str(fn.sessionAffinity),
    environmentVariables: masked(fn.environmentVariables),
    vpcConfig: block(fn.vpcConfig, (v) =>
      compact({
        vpcId: str(v.vpcId),
        vSwitchIds: strs(v.vSwitchIds),
        securityGroupId: str(v.securityGroupId),
        role: str(v.role),
      }),
    ),
    nasConfig: block(fn.nasConfig, (n) =>
      compact({
        userId: num(n.userId),
        groupId: num(n.groupId),
        mountPoints: list(n.mountPoints, (m) =>
          compact({ serverAddr: str(m.serverAddr), mountDir: str(m.mountDir), enableTLS: bool(m.enableTLS) }),
        ),
      }),
    ),
    ossMountConfig: block(fn.ossMountConfig, (o) =>
      compact({
        mountPoints: list(o.mountPoints, (m) =>
          compact({
            bucketName: str(m.bucketName),
            bucketPath: str(m.bucketPath),
            endpoint: url(m.endpoint),
            mountDir: str(m.mountDir),
            readOnly: bool(m.readOnly),
          }),
        ),
      }),
    ),
    customContainerConfig: block(fn.customContainerConfig, container),
    customRuntimeConfig: block(fn.customRuntimeConfig, (r) =>
      compact({
        command: argv(r.command, true),
        args: argv(r.args, false),
        port: num(r.port),
        healthCheckConfig: block(r.healthCheckConfig, healthCheck),
      }),
    ),
    customDNS: block(fn.customDNS, (d) =>
      compact({
        nameServers: strs(d.nameServers),
        searches: strs(d.searches),
        dnsOptions: list(d.dnsOptions, (o) => compact({ name: str(o.name), value: str(o.value) })),
      }),
    ),
    gpuConfig: block(fn.gpuConfig, (g) =>
      compact({ gpuType: str(g.gpuType), gpuMemorySize: num(g.gpuMemorySize) }),
    ),
    logConfig: block(fn.logConfig, (l) =>
      compact({
        project: str(l.project),
        logstore: str(l.logstore),
        logBeginRule: str(l.logBeginRule),
        enableRequestMetrics: bool(l.enableRequestMetrics),
        enableInstanceMetrics: bool(l.enableInstanceMetrics),
        enableLlmMetrics: bool(l.enableLlmMetrics),
      }),
    ),
    tracingConfig: block(fn.tracingConfig, (t) =>
      compact({ type: str(t.type), params: t.params ? maskParams(t.params) : undefined }),
    ),
    instanceLifecycleConfig: block(fn.instanceLifecycleConfig, (l) =>
      compact({ initializer: block(l.initializer, hook), preStop: block(l.preStop, hook) }),
    ),
    layers: list(fn.layers, (l) => compact({ arn: str(l.arn), size: num(l.size) })),
    tags: list(fn.tags, (t) => compact({ Key: t.Key, Value: str(t.Value) })),
    juiceFsConfig: block(fn.juiceFsConfig, (j) =>
      compact({
        envs: masked(j.envs),
        mountPoints: list(j.mountPoints, (m) =>
          compact({
            mountDir: str(m.mountDir),
            remoteDir: str(m.remoteDir),
            volumeName: str(m.volumeName),
            token: m.token ? SECRET_MASK : undefined,
            args: argv(m.args, false),
          }),
        ),
      }),
    ),
    polarFsConfig: block(fn.polarFsConfig, (p) =>
      compact({
        userId: num(p.userId),
        groupId: num(p.groupId),
        mountPoints: list(p.mountPoints, (m) =>
          compact({
            instanceId: str(m.instanceId),
            mountDir: str(m.mountDir),
            remoteDir: str(m.remoteDir),
            readOnly: bool(m.readOnly),
          }),
        ),
      }),
    ),
    lockInfo: block(fn.lockInfo, (l) =>
      compact({
        lockedAt: str(l.lockedAt),
        lockedBy: str(l.lockedBy),
        lockedResources: strs(l.lockedResources),
      }),
    ),
    invocationRestriction: block(fn.invocationRestriction, (r) =>
      compact({ disable: bool(r.disable), reason: str(r.reason), lastModifiedTime: str(r.lastModifiedTime) }),
    ),
    state: str(fn.state),
    stateReason: str(fn.stateReason),
    stateReasonCode: str(fn.stateReasonCode),
    lastUpdateStatus: str(fn.lastUpdateStatus),
    lastUpdateStatusReason: str(fn.lastUpdateStatusReason),
    lastUpdateStatusReasonCode: str(fn.lastUpdateStatusReasonCode),
  });
}
