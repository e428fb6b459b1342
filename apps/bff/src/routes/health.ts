import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Metrics } from '../observability/metrics.ts';

/** How recent an upstream success must be for `/readyz`. */
export const READY_WINDOW_MS = 5 * 60_000;

/** `/healthz` (the process answers), `/readyz` (credentials resolve and the cloud answered recently), `/metrics`. */
export function healthRoutes(deps: {
  lastSuccessAt: () => number | undefined;
  now: () => number;
  metrics: Metrics;
}) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
    .get('/readyz', (c) => {
      const last = deps.lastSuccessAt();
      const ready = last !== undefined && deps.now() - last < READY_WINDOW_MS;
      return c.json(
        ready
          ? { status: 'ready', lastUpstreamSuccess: new Date(last).toISOString() }
          : {
              code: 'NotReady',
              message: 'No successful call to Function Compute in the last 5 minutes.',
              requestId: c.get('requestId'),
            },
        ready ? 200 : 503,
      );
    })
    .get('/metrics', (c) =>
      c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
    );
}
