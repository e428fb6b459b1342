import type { FunctionView } from './function-view.ts';

/** How far the index has got with one (account, region). */
export type SyncState = 'pending' | 'syncing' | 'ready' | 'failed';

/** The freshness of one (account, region) in the index, as `/api/meta` and every list page report it. */
export interface RegionSync {
  account: string;
  region: string;
  state: SyncState;
  /** When the last complete pass ended (ISO 8601); absent until one has. */
  syncedAt?: string;
  /** When the pass now running (or the last one) started. */
  passStartedAt?: string;
  /** Functions of the region in the index. */
  functions: number;
  /** Functions the running pass has seen so far: progress of a first pass. */
  seen: number;
  /** The error of the last pass, when it failed; the data of the pass before it is still served. */
  lastError?: { code: string; message: string };
  /** True when the data is older than three sync intervals, or there is none yet. */
  stale: boolean;
}

/** One row of `/api/functions`: a function and where it lives. */
export interface FleetRowAnswer {
  account: string;
  region: string;
  function: FunctionView;
  /** When a sync pass last saw the function change (ISO 8601); absent when none has. */
  lastChange?: string;
}

/** `GET /api/functions`. */
export interface FunctionsAnswer {
  functions: FleetRowAnswer[];
  /** Present when more rows follow; signed and bound to the query. */
  cursor?: string;
  /** Rows in this page (kept for older clients; the index reads no more than it returns). */
  scanned: number;
  /** Always true from the index: a page is full unless it is the last. */
  complete: boolean;
  /** The freshness of every (account, region) in the view. */
  regions: RegionSync[];
}

/** The names of the facets `GET /api/facets` counts. */
export const FACET_NAMES = [
  'runtime',
  'gpuType',
  'region',
  'account',
  'fcVersion',
  'vpcId',
  'internetAccess',
  'env',
  'team',
  'has',
  /** The runtime's lifecycle status (runtime-lifecycle.ts): values `deprecated`, `eol`, `current`. */
  'lifecycle',
] as const;
/** A facet's name. */
export type FacetName = (typeof FACET_NAMES)[number];

/** One value of a facet and how many functions in the view have it (`null`: no value). */
export interface FacetCount {
  value: string | boolean | null;
  count: number;
}

/** `GET /api/facets`: counts per facet value under the view's filters (each facet ignores its own). */
export interface FacetsAnswer {
  total: number;
  facets: Record<FacetName, FacetCount[]>;
  regions: RegionSync[];
}

/** `POST /api/refresh`: the passes asked for (or already running) and the regions' state. */
export interface RefreshAnswer {
  requested: { account: string; region: string }[];
  regions: RegionSync[];
}
