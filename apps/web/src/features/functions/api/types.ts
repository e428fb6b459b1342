import type { FleetRowAnswer, FunctionsAnswer, RegionSync } from '@fc-fleet/fleet-contract';

/** A function as the BFF sends it: the contract's projection (secrets masked, unknown fields dropped). */
export type {
  FacetCount,
  FacetName,
  FacetsAnswer,
  FunctionView,
  HealthCheckView as HealthCheck,
  LifecycleHookView as LifecycleHook,
  RefreshAnswer,
  RegionSync,
} from '@fc-fleet/fleet-contract';

/** One row: a function and where it lives. */
export type FleetRow = FleetRowAnswer;

/** One page of `/api/functions`, with the freshness of the view's regions. */
export type FunctionsPage = FunctionsAnswer;

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
  /** Where the fleet index lives. */
  store: 'embedded' | 'postgres';
  /** The shortest time between two sync passes of a region. */
  syncIntervalSeconds: number;
  /** The freshness of every configured (account, region). */
  sync: RegionSync[];
}

/** The unique key of a row. */
export const rowKey = (row: FleetRow): string => `${row.account}/${row.region}/${row.function.functionName}`;
