import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';

const INBOUND_ID = /^[\w-]{8,64}$/;

/** A coarse route label for metrics: never the raw path, which would explode the series count. */
export function routeLabel(path: string, basePath: string): string {
  const rest = basePath === '/' ? path : path.slice(basePath.length) || '/';
  if (rest === '/api/functions') return '/api/functions';
  if (rest.startsWith('/api/functions/')) return '/api/functions/:region/:name';
  if (
    rest === '/api/meta' ||
    rest === '/healthz' ||
    rest === '/readyz' ||
    rest === '/metrics' ||
    rest === '/login'
  )
    return rest;
  if (rest.startsWith('/api/')) return '/api/other';
  return 'static';
}

/**
 * Gives every request an id (an inbound `x-request-id` of a sane shape is kept), a logger that
 * carries it, an access log line, and request metrics by route and status.
 * @example app.use('*', requestContext({ logger, metrics, now: Date.now }));
 */
export function requestContext(deps: {
  logger: Logger;
  metrics: Metrics;
  now: () => number;
  basePath?: string;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const inbound = c.req.header('x-request-id');
    const requestId = inbound && INBOUND_ID.test(inbound) ? inbound : crypto.randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    const started = deps.now();
    await next();
    c.header('x-request-id', requestId);
    const path = new URL(c.req.url).pathname;
    const route = routeLabel(path, deps.basePath ?? '/');
    const status = String(c.res.status);
    const seconds = (deps.now() - started) / 1000;
    deps.metrics.inc('fc_fleet_http_requests_total', { route, method: c.req.method, status });
    deps.metrics.observe('fc_fleet_http_request_duration_seconds', { route }, seconds);
    logger.info('request', {
      method: c.req.method,
      route,
      path: path.slice(0, 200),
      status: c.res.status,
      ms: Math.round(seconds * 1000),
      principal: c.get('principal'),
    });
  };
}
