import {
  createFcClient,
  createRetryBudget,
  type FcClient,
  type FcClientEvent,
  FcRequestError,
  type FcResult,
  type ListFunctionsQuery,
} from '@fc-fleet/fc-api';
import type { FunctionView } from '@fc-fleet/fleet-contract';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import type { Account } from '../accounts/account.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { FacetCollector } from './facet-collector.ts';
import { createTtlLruCache } from './ttl-lru-cache.ts';
import { createUpstreamLimiter, type UpstreamLimiter } from './upstream-limiter.ts';

/** Filters the cloud applies itself; part of every cache key. */
export type NativeFilters = Omit<ListFunctionsQuery, 'limit' | 'nextToken'>;

/** One upstream page, secrets already masked. */
export interface UpstreamPage {
  functions: FunctionView[];
  nextToken?: string;
}

/** Options of `createFleetSource`. */
export interface FleetSourceOptions {
  accounts: readonly Account[];
  cache: { ttlMs: number; staleMs: number; maxBytes: number };
  limiter: { concurrency: number; ratePerSecond: number };
  timeoutMs: number;
  metrics: Metrics;
  facets: FacetCollector;
  now?: () => number;
}

const PAGE_SIZE = 100;

/** Stable key for native filters: same filters in any order give the same key. */
export function nativeKey(native: NativeFilters): string {
  const entries = Object.entries(native).filter(([, v]) => v !== undefined && v !== '');
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/**
 * Where every upstream page comes from: one signed client per (account, region), a page cache
 * with TTL and stale-while-revalidate shared by everyone, de-duplication of identical calls in
 * flight, and per-account concurrency and rate limits. Pages are projected (secrets masked, unknown fields dropped) before they are cached.
 * @example const page = await source.page('prod', 'cn-hangzhou', { prefix: 'pay' }, undefined);
 */
export function createFleetSource(options: FleetSourceOptions) {
  const { metrics } = options;
  const clients = new Map<string, FcClient>();
  const limiters = new Map<string, UpstreamLimiter>();
  let lastSuccessAt: number | undefined;
  const now = options.now ?? Date.now;
  const pages = createTtlLruCache<UpstreamPage & { bytes: number }>({
    ...options.cache,
    sizeOf: (p) => p.bytes,
    now,
  });
  const onEvent = (account: string) => (event: FcClientEvent) => {
    const labels = { account, region: event.region, action: event.action };
    if (event.type === 'attempt') metrics.inc('fc_upstream_calls_total', labels);
    if (event.type === 'retry') metrics.inc('fc_upstream_retries_total', { ...labels, code: event.code });
    if (event.type === 'throttled') metrics.inc('fc_upstream_throttles_total', labels);
    if (event.type === 'done' && !event.ok)
      metrics.inc('fc_upstream_failures_total', { ...labels, code: event.code ?? 'unknown' });
    if (event.type === 'done' && event.ok) lastSuccessAt = now();
  };
  for (const account of options.accounts) {
    const retryBudget = createRetryBudget({ capacity: 40 });
    limiters.set(
      account.alias,
      createUpstreamLimiter({
        ...options.limiter,
        ratePerSecond: account.upstreamRps ?? options.limiter.ratePerSecond,
      }),
    );
    for (const region of account.regions) {
      clients.set(
        `${account.alias}/${region}`,
        createFcClient({
          region,
          endpoint: account.endpoint,
          credentials: account.credentials,
          fetch: account.fetch,
          timeoutMs: options.timeoutMs,
          retryBudget,
          onEvent: onEvent(account.alias),
        }),
      );
    }
  }
  const clientFor = (account: string, region: string) => {
    const client = clients.get(`${account}/${region}`);
    const limiter = limiters.get(account);
    if (!client || !limiter) throw new Error(`no client for ${account}/${region}`);
    return { client, limiter };
  };

  async function page(
    account: string,
    region: string,
    native: NativeFilters,
    token: string | undefined,
  ): Promise<FcResult<UpstreamPage>> {
    const { client, limiter } = clientFor(account, region);
    const key = `${account}/${region}/${nativeKey(native)}/${token ?? ''}`;
    try {
      const value = await pages.get(key, async () => {
        const result = await limiter.run(() =>
          client.listFunctions({ ...native, limit: PAGE_SIZE, nextToken: token }),
        );
        if (!result.ok) throw new FcRequestError(result.error);
        const functions = result.value.functions.map(projectFunction);
        options.facets.add(functions);
        const nextToken = result.value.nextToken || undefined;
        // Sized from one sample row: stringifying every page only to weigh it cost a fifth of a cold page.
        const sample = functions[0] ? JSON.stringify(functions[0]).length : 0;
        return { functions, nextToken, bytes: 2 * sample * functions.length + 256 };
      });
      return { ok: true, value: { functions: value.functions, nextToken: value.nextToken }, attempts: 1 };
    } catch (error) {
      if (error instanceof FcRequestError) return { ok: false, error: error.error };
      throw error;
    }
  }

  return {
    page,
    /** GetFunction, not cached: it is the "current state" view. Projected. */
    async getFunction(
      account: string,
      region: string,
      name: string,
      signal?: AbortSignal,
    ): Promise<FcResult<FunctionView>> {
      const { client, limiter } = clientFor(account, region);
      const result = await limiter.run(() => client.getFunction(name, { signal }), signal);
      return result.ok ? { ...result, value: projectFunction(result.value) } : result;
    },
    hasRegion: (account: string, region: string) => clients.has(`${account}/${region}`),
    cacheStats: () => pages.stats(),
    limiterLoad: () => [...limiters.values()].map((l) => l.load()),
    lastSuccessAt: () => lastSuccessAt,
  };
}

/** A source made by `createFleetSource`. */
export type FleetSource = ReturnType<typeof createFleetSource>;
