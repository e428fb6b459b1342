/** A function as the BFF sends it (secrets already masked). Only the fields the UI reads are typed. */
export interface FcFunction {
  functionName: string;
  functionArn?: string | null;
  functionId?: string | null;
  description?: string | null;
  runtime?: string | null;
  handler?: string | null;
  cpu?: number | null;
  memorySize?: number | null;
  diskSize?: number | null;
  timeout?: number | null;
  instanceConcurrency?: number | null;
  instanceIsolationMode?: string | null;
  codeSize?: number | null;
  codeChecksum?: string | null;
  createdTime?: string | null;
  lastModifiedTime?: string | null;
  role?: string | null;
  resourceGroupId?: string | null;
  internetAccess?: boolean | null;
  environmentVariables?: Record<string, string> | null;
  vpcConfig?: {
    vpcId?: string | null;
    vSwitchIds?: string[] | null;
    securityGroupId?: string | null;
    role?: string | null;
  } | null;
  nasConfig?: {
    userId?: number | null;
    groupId?: number | null;
    mountPoints?:
      | { serverAddr?: string | null; mountDir?: string | null; enableTLS?: boolean | null }[]
      | null;
  } | null;
  ossMountConfig?: {
    mountPoints?:
      | {
          bucketName?: string | null;
          bucketPath?: string | null;
          endpoint?: string | null;
          mountDir?: string | null;
          readOnly?: boolean | null;
        }[]
      | null;
  } | null;
  customContainerConfig?: {
    image?: string | null;
    resolvedImageUri?: string | null;
    entrypoint?: string[] | null;
    command?: string[] | null;
    port?: number | null;
    acrInstanceId?: string | null;
    accelerationType?: string | null;
    accelerationInfo?: { status?: string | null } | null;
    healthCheckConfig?: HealthCheck | null;
    registryConfig?: {
      authConfig?: { userName?: string | null; password?: string | null } | null;
      certConfig?: { insecure?: boolean | null; rootCaCertBase64?: string | null } | null;
      networkConfig?: {
        vpcId?: string | null;
        vSwitchId?: string | null;
        securityGroupId?: string | null;
      } | null;
    } | null;
  } | null;
  customRuntimeConfig?: {
    command?: string[] | null;
    args?: string[] | null;
    port?: number | null;
    healthCheckConfig?: HealthCheck | null;
  } | null;
  customDNS?: {
    nameServers?: string[] | null;
    searches?: string[] | null;
    dnsOptions?: { name?: string | null; value?: string | null }[] | null;
  } | null;
  gpuConfig?: { gpuType?: string | null; gpuMemorySize?: number | null } | null;
  logConfig?: {
    project?: string | null;
    logstore?: string | null;
    logBeginRule?: string | null;
    enableRequestMetrics?: boolean | null;
    enableInstanceMetrics?: boolean | null;
    enableLlmMetrics?: boolean | null;
  } | null;
  tracingConfig?: { type?: string | null; params?: Record<string, string> | null } | null;
  instanceLifecycleConfig?: { initializer?: LifecycleHook | null; preStop?: LifecycleHook | null } | null;
  layers?: { arn?: string | null; size?: number | null }[] | null;
  tags?: { Key: string; Value?: string | null }[] | null;
  juiceFsConfig?: {
    mountPoints?:
      | { mountDir?: string | null; remoteDir?: string | null; volumeName?: string | null }[]
      | null;
  } | null;
  polarFsConfig?: {
    mountPoints?:
      | {
          instanceId?: string | null;
          mountDir?: string | null;
          remoteDir?: string | null;
          readOnly?: boolean | null;
        }[]
      | null;
  } | null;
  state?: string | null;
  stateReason?: string | null;
  stateReasonCode?: string | null;
  lastUpdateStatus?: string | null;
  lastUpdateStatusReason?: string | null;
  lastUpdateStatusReasonCode?: string | null;
}

export interface HealthCheck {
  httpGetUrl?: string | null;
  initialDelaySeconds?: number | null;
  periodSeconds?: number | null;
  timeoutSeconds?: number | null;
  failureThreshold?: number | null;
  successThreshold?: number | null;
}

export interface LifecycleHook {
  handler?: string | null;
  timeout?: number | null;
  command?: string[] | null;
}

/** One row: a function and where it lives. */
export interface FleetRow {
  account: string;
  region: string;
  function: FcFunction;
}

/** A region that failed while others answered. */
export interface RegionError {
  account: string;
  region: string;
  code: string;
  message: string;
}

/** One page of `/api/functions`. */
export interface FunctionsPage {
  functions: FleetRow[];
  cursor?: string;
  scanned: number;
  complete: boolean;
  errors: RegionError[];
}

/** `/api/meta`. */
export interface Meta {
  version: string;
  demo: boolean;
  basePath: string;
  accounts: { alias: string; accountId?: string; regions: string[] }[];
  embed: { frameAncestors: string[] };
  facets: { runtimes: string[]; gpuTypes: string[]; vpcIds: string[] };
  gpuCatalog: { type: string; card: string; memoryGb: number }[];
}

/** The unique key of a row. */
export const rowKey = (row: FleetRow): string => `${row.account}/${row.region}/${row.function.functionName}`;
