import { z } from 'zod';

// The cloud adds fields over time and sometimes sends null for an absent block, so every object is
// loose (unknown keys pass through untouched) and every field is nullish.
const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();
const strList = z.array(z.string()).nullish();

/** HTTP health check used by custom containers and custom runtimes. */
export const healthCheckConfigSchema = z.looseObject({
  httpGetUrl: str,
  initialDelaySeconds: num,
  periodSeconds: num,
  timeoutSeconds: num,
  failureThreshold: num,
  successThreshold: num,
});

/** `vpcConfig`: the VPC, vSwitches and security group a function runs in. */
export const vpcConfigSchema = z.looseObject({
  vpcId: str,
  vSwitchIds: strList,
  securityGroupId: str,
  role: str,
});

/** `nasConfig`: NAS mounts. */
export const nasConfigSchema = z.looseObject({
  userId: num,
  groupId: num,
  mountPoints: z.array(z.looseObject({ serverAddr: str, mountDir: str, enableTLS: bool })).nullish(),
});

/** `ossMountConfig`: OSS bucket mounts. */
export const ossMountConfigSchema = z.looseObject({
  mountPoints: z
    .array(z.looseObject({ bucketName: str, bucketPath: str, endpoint: str, mountDir: str, readOnly: bool }))
    .nullish(),
});

/** `customContainerConfig`, including the registry credentials (a secret). */
export const customContainerConfigSchema = z.looseObject({
  image: str,
  resolvedImageUri: str,
  entrypoint: strList,
  command: strList,
  port: num,
  acrInstanceId: str,
  accelerationType: str,
  accelerationInfo: z.looseObject({ status: str }).nullish(),
  healthCheckConfig: healthCheckConfigSchema.nullish(),
  registryConfig: z
    .looseObject({
      authConfig: z.looseObject({ userName: str, password: str }).nullish(),
      certConfig: z.looseObject({ insecure: bool, rootCaCertBase64: str }).nullish(),
      networkConfig: z.looseObject({ vpcId: str, vSwitchId: str, securityGroupId: str }).nullish(),
    })
    .nullish(),
});

/** `customRuntimeConfig`: command, args and port of a custom runtime. */
export const customRuntimeConfigSchema = z.looseObject({
  command: strList,
  args: strList,
  port: num,
  healthCheckConfig: healthCheckConfigSchema.nullish(),
});

/** `gpuConfig`: GPU type and GPU memory (MB). */
export const gpuConfigSchema = z.looseObject({ gpuType: str, gpuMemorySize: num });

/** `logConfig`: SLS project, logstore and metric switches. */
export const logConfigSchema = z.looseObject({
  project: str,
  logstore: str,
  logBeginRule: str,
  enableRequestMetrics: bool,
  enableInstanceMetrics: bool,
  enableLlmMetrics: bool,
});

/** `tracingConfig`: tracing backend type and its parameters. */
export const tracingConfigSchema = z.looseObject({
  type: str,
  params: z.record(z.string(), z.string()).nullish(),
});

const lifecycleHookSchema = z.looseObject({ handler: str, timeout: num, command: strList });

/** `instanceLifecycleConfig`: initializer and preStop hooks. */
export const instanceLifecycleConfigSchema = z.looseObject({
  initializer: lifecycleHookSchema.nullish(),
  preStop: lifecycleHookSchema.nullish(),
});

/** `customDNS`: name servers, search domains and resolver options. */
export const customDnsSchema = z.looseObject({
  nameServers: strList,
  searches: strList,
  dnsOptions: z.array(z.looseObject({ name: str, value: str })).nullish(),
});

/** One layer attached to a function. */
export const layerSchema = z.looseObject({ arn: str, size: num });

/** One tag, capitalised on the wire. */
export const tagSchema = z.looseObject({ Key: z.string(), Value: z.string().nullish() });

/** `juiceFsConfig`; the mount tokens are secrets. */
export const juiceFsConfigSchema = z.looseObject({
  envs: z.record(z.string(), z.string()).nullish(),
  mountPoints: z
    .array(z.looseObject({ mountDir: str, remoteDir: str, volumeName: str, token: str, args: strList }))
    .nullish(),
});

/** `polarFsConfig`: PolarFS mounts. */
export const polarFsConfigSchema = z.looseObject({
  userId: num,
  groupId: num,
  mountPoints: z
    .array(z.looseObject({ instanceId: str, mountDir: str, remoteDir: str, readOnly: bool }))
    .nullish(),
});

/** The Function object as ListFunctions and GetFunction return it. */
export const functionSchema = z.looseObject({
  functionName: z.string(),
  functionArn: str,
  functionId: str,
  description: str,
  runtime: str,
  handler: str,
  cpu: num,
  memorySize: num,
  diskSize: num,
  timeout: num,
  instanceConcurrency: num,
  instanceIsolationMode: str,
  codeChecksum: str,
  codeSize: num,
  createdTime: str,
  lastModifiedTime: str,
  role: str,
  resourceGroupId: str,
  internetAccess: bool,
  disableOndemand: bool,
  disableInjectCredentials: str,
  enableLongLiving: bool,
  idleTimeout: num,
  sessionAffinity: str,
  sessionAffinityConfig: str,
  environmentVariables: z.record(z.string(), z.string()).nullish(),
  vpcConfig: vpcConfigSchema.nullish(),
  nasConfig: nasConfigSchema.nullish(),
  ossMountConfig: ossMountConfigSchema.nullish(),
  customContainerConfig: customContainerConfigSchema.nullish(),
  customRuntimeConfig: customRuntimeConfigSchema.nullish(),
  customDNS: customDnsSchema.nullish(),
  gpuConfig: gpuConfigSchema.nullish(),
  logConfig: logConfigSchema.nullish(),
  tracingConfig: tracingConfigSchema.nullish(),
  instanceLifecycleConfig: instanceLifecycleConfigSchema.nullish(),
  layers: z.array(layerSchema).nullish(),
  tags: z.array(tagSchema).nullish(),
  juiceFsConfig: juiceFsConfigSchema.nullish(),
  polarFsConfig: polarFsConfigSchema.nullish(),
  lockInfo: z.looseObject({ lockedAt: str, lockedBy: str, lockedResources: strList }).nullish(),
  invocationRestriction: z.looseObject({ disable: bool, reason: str, lastModifiedTime: str }).nullish(),
  // GetFunction only (the reference page's ListFunctions example shows them too).
  state: str,
  stateReason: str,
  stateReasonCode: str,
  lastUpdateStatus: str,
  lastUpdateStatusReason: str,
  lastUpdateStatusReasonCode: str,
});

/** A Function Compute 3.0 function. */
export type FcFunction = z.infer<typeof functionSchema>;
/** A tag as the wire carries it. */
export type FcTag = z.infer<typeof tagSchema>;
