import type { FunctionView } from '@fc-fleet/fleet-contract';

/** A function as the BFF sends it: the contract's projection (secrets masked, unknown fields dropped). */
export type {
  FunctionView,
  HealthCheckView as HealthCheck,
  LifecycleHookView as LifecycleHook,
} from '@fc-fleet/fleet-contract';

/** One row: a function and where it lives. */
export interface FleetRow {
  account: string;
  region: string;
  function: FunctionView;
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
  auth: 'none' | 'token' | 'trusted-header';
  accounts: { alias: string; accountId?: string; regions: string[] }[];
  embed: { frameAncestors: string[] };
  facets: { runtimes: string[]; gpuTypes: string[]; vpcIds: string[] };
  gpuCatalog: { type: string; card: string; memoryGb: number }[];
}

/** The unique key of a row. */
export const rowKey = (row: FleetRow): string => `${row.account}/${row.region}/${row.function.functionName}`;
