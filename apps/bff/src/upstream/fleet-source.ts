import {
  createFcClient,
  createRetryBudget,
  type FcClient,
  type FcClientEvent,
  type FcFunction,
  type FcResult,
} from '@fc-fleet/fc-api';
import type { ListPage } from '@fc-fleet/fleet-index';
import type { Account } from '../accounts/account.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createUpstreamLimiter, type UpstreamLimiter } from './upstream-limiter.ts';

/** Options of `createFleetSource`. */
export interface FleetSourceOptions {
  accounts: readonly Account[];
  limiter: { concurrency: number; ratePerSecond: number };
  timeoutMs: number;
  metrics: Metrics;
  now?: () => number;
}

/**
 * Every call to the cloud: one signed client per (account, region), with per-account concurrency
 * and rate limits and a shared retry budget. Sync passes list through it; the drawer's live read
 * (GetFunction) too. Nothing here is cached: the index is the BFF's copy of the fleet.
 * @example const list = source.lister('prod', 'cn-hangzhou'); const page = await list({ limit: 100 });
 */
export function createFleetSource(options: FleetSourceOptions) {
  const { metrics } = options;
  const clients = new Map<string, FcClient>();
  const limiters = new Map<string, UpstreamLimiter>();
  let lastSuccessAt: number | undefined;
  const now = options.now ?? Date.now;
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

  return {
    /** GetFunction as the cloud answers it, secrets included: only for the index's repair, never sent on. */
    async getRaw(
      account: string,
      region: string,
      name: string,
      signal?: AbortSignal,
    ): Promise<FcResult<FcFunction>> {
      const { client, limiter } = clientFor(account, region);
      return limiter.run(() => client.getFunction(name, { signal }), signal);
    },
    /** ListFunctions straight to the cloud (never cached), within the account's limits: what sync passes read. */
    lister(account: string, region: string): ListPage {
      const { client, limiter } = clientFor(account, region);
      return (query, signal) => limiter.run(() => client.listFunctions(query, { signal }), signal);
    },
    hasRegion: (account: string, region: string) => clients.has(`${account}/${region}`),
    limiterLoad: () => [...limiters.values()].map((l) => l.load()),
    lastSuccessAt: () => lastSuccessAt,
  };
}

/** A source made by `createFleetSource`. */
export type FleetSource = ReturnType<typeof createFleetSource>;
