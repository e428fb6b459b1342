import { Hono } from 'hono';
import type { Account } from '../accounts/account.ts';
import type { AppEnv } from '../app-env.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { FleetStore } from '../store/fleet-store.ts';

/**
 * `/healthz` (the process answers), `/readyz` (the index is reachable and every configured region
 * has had a complete pass, so every view can be answered) and `/metrics`.
 */
export function healthRoutes(deps: { accounts: readonly Account[]; store: FleetStore; metrics: Metrics }) {
  const regions = [...new Set(deps.accounts.flatMap((a) => a.regions))];
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
    .get('/readyz', async (c) => {
      const notReady = (message: string) =>
        c.json({ code: 'NotReady', message, requestId: c.get('requestId') }, 503);
      if (!(await deps.store.reachable())) return notReady('The fleet index cannot be reached.');
      const status = await deps.store.read((sql) => deps.store.status(sql, deps.accounts, regions));
      const waiting = status.filter((s) => !s.syncedAt);
      if (waiting.length > 0)
        return notReady(
          `Waiting for a first complete pass of ${waiting.map((s) => `${s.account}/${s.region} (${s.state}${s.lastError ? `: ${s.lastError.code}` : ''})`).join(', ')}.`,
        );
      return c.json({ status: 'ready', regions: status.length }, 200);
    })
    .get('/metrics', (c) =>
      c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
    );
}
