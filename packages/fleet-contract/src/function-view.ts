/**
 * What of a Function Compute function may leave the BFF: every field named and typed here, and
 * nothing else. The cloud's object keeps its names and nesting, so the JSON tab reads like the
 * console's, but unknown fields are dropped and free-form strings arrive with their secret-bearing
 * parts replaced by {@link SECRET_MASK}. Built by `projectFunction` (`./project-function.ts`).
 */

/** What every masked value becomes. Fixed, so a mask says nothing about the value it hides. */
export const SECRET_MASK = '******';

/** A health check of a custom container or runtime; `httpGetUrl` without query or user info. */
export interface HealthCheckView {
  httpGetUrl?: string;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
}

/** An initializer or preStop hook; `command` is masked argv (see `maskArgv`). */
export interface LifecycleHookView {
  handler?: string;
  timeout?: number;
  command?: string[];
}

/** A function as the browser, the logs and the store may see it. */
export interface FunctionView {
  functionName: string;
  functionArn?: string;
  functionId?: string;
  description?: string;
  runtime?: string;
  handler?: string;
  cpu?: number;
  memorySize?: number;
  diskSize?: number;
  timeout?: number;
  instanceConcurrency?: number;
  instanceIsolationMode?: string;
  codeChecksum?: string;
  codeSize?: number;
  createdTime?: string;
  lastModifiedTime?: string;
  role?: string;
  resourceGroupId?: string;
  internetAccess?: boolean;
  disableOndemand?: boolean;
  disableInjectCredentials?: string;
  enableLongLiving?: boolean;
  idleTimeout?: number;
  sessionAffinity?: string;
  /** Names kept, every value {@link SECRET_MASK}. */
  environmentVariables?: Record<string, string>;
  vpcConfig?: { vpcId?: string; vSwitchIds?: string[]; securityGroupId?: string; role?: string };
  nasConfig?: {
    userId?: number;
    groupId?: number;
    mountPoints?: { serverAddr?: string; mountDir?: string; enableTLS?: boolean }[];
  };
  ossMountConfig?: {
    mountPoints?: {
      bucketName?: string;
      bucketPath?: string;
      endpoint?: string;
      mountDir?: string;
      readOnly?: boolean;
    }[];
  };
  customContainerConfig?: {
    image?: string;
    resolvedImageUri?: string;
    entrypoint?: string[];
    command?: string[];
    port?: number;
    acrInstanceId?: string;
    accelerationType?: string;
    accelerationInfo?: { status?: string };
    healthCheckConfig?: HealthCheckView;
    registryConfig?: {
      /** `password` is {@link SECRET_MASK} when one is set. */
      authConfig?: { userName?: string; password?: string };
      certConfig?: { insecure?: boolean; rootCaCertBase64?: string };
      networkConfig?: { vpcId?: string; vSwitchId?: string; securityGroupId?: string };
    };
  };
  customRuntimeConfig?: {
    command?: string[];
    args?: string[];
    port?: number;
    healthCheckConfig?: HealthCheckView;
  };
  customDNS?: {
    nameServers?: string[];
    searches?: string[];
    dnsOptions?: { name?: string; value?: string }[];
  };
  gpuConfig?: { gpuType?: string; gpuMemorySize?: number };
  logConfig?: {
    project?: string;
    logstore?: string;
    logBeginRule?: string;
    enableRequestMetrics?: boolean;
    enableInstanceMetrics?: boolean;
    enableLlmMetrics?: boolean;
  };
  /** `params` keep their names; a URL value keeps its origin, anything else is masked. */
  tracingConfig?: { type?: string; params?: Record<string, string> };
  instanceLifecycleConfig?: { initializer?: LifecycleHookView; preStop?: LifecycleHookView };
  layers?: { arn?: string; size?: number }[];
  tags?: { Key: string; Value?: string }[];
  juiceFsConfig?: {
    /** Names kept, every value {@link SECRET_MASK}. */
    envs?: Record<string, string>;
    mountPoints?: {
      mountDir?: string;
      remoteDir?: string;
      volumeName?: string;
      /** {@link SECRET_MASK} when one is set. */
      token?: string;
      args?: string[];
    }[];
  };
  polarFsConfig?: {
    userId?: number;
    groupId?: number;
    mountPoints?: { instanceId?: string; mountDir?: string; remoteDir?: string; readOnly?: boolean }[];
  };
  lockInfo?: { lockedAt?: string; lockedBy?: string; lockedResources?: string[] };
  invocationRestriction?: { disable?: boolean; reason?: string; lastModifiedTime?: string };
  state?: string;
  stateReason?: string;
  stateReasonCode?: string;
  lastUpdateStatus?: string;
  lastUpdateStatusReason?: string;
  lastUpdateStatusReasonCode?: string;
}
