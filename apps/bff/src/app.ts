import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { printKey as createPrintKey, type SqlClient } from '@fc-fleet/fleet-index';
import { Hono } from 'hono';
import type { Account } from './accounts/account.ts';
import type { AppEnv } from './app-env.ts';
import { createCursorCodec } from './cursor/cursor-codec.ts';
import type { BffEnv } from './env.ts';
import { ApiError, apiErrorResponse } from './errors.ts';
import { createAuth } from './middleware/auth.ts';
import { compressJson } from './middleware/compress-json.ts';
import { hostCheck } from './middleware/host-check.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { Logger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { registerMetrics } from './observability/register-metrics.ts';
import { changesRoute } from './routes/changes.ts';
import { facetsRoute } from './routes/facets.ts';
import { getFunctionRoute } from './routes/get-function.ts';
import { healthRoutes } from './routes/health.ts';
import { insightsRoute } from './routes/insights.ts';
import { listFunctionsRoute } from './routes/list-functions.ts';
import { metaRoute } from './routes/meta.ts';
import { refreshRoute } from './routes/refresh.ts';
import { refuseAmbiguousPaths } from './static/ambiguous-path.ts';
import { serveSpa } from './static/serve-spa.ts';
import { createFleetStore } from './store/fleet-store.ts';
import { createSyncScheduler } from './sync/sync-scheduler.ts';
import { createFleetSource } from './upstream/fleet-source.ts';

/** Everything the app is built from; `server.ts` resolves it from the environment, tests pass their own. */
export interface AppDeps {
  env: BffEnv;
  accounts: readonly Account[];
  demo: boolean;
  logger: Logger;
  /** The fleet index, opened and migrated (`openStore`). */
  sql: SqlClient;
  /** Signs cursors and session cookies. */
  secret: string;
  version: string;
  webDist: string;
  now?: () => number;
}

/**
 * Builds the BFF: request ids and logs, security headers, auth, rate limits, the `/api` routes
 * answered from the fleet index, probes and metrics, and the SPA, all under `FC_BASE_PATH`; and
 * the sync scheduler that keeps the index current (started by the caller: `sync.start()`).
 * @example const { app, sync } = createApp(deps); sync.start(); const res = await app.request('/api/meta');
 */
export function createApp(deps: AppDeps) {
  const { env } = deps;
  const now = deps.now ?? Date.now;
  const metrics: Metrics = createMetrics();
  const source = createFleetSource({
    accounts: deps.accounts,
    limiter: { concurrency: env.FC_UPSTREAM_CONCURRENCY, ratePerSecond: env.FC_UPSTREAM_RPS },
    timeoutMs: env.FC_UPSTREAM_TIMEOUT_MS,
    metrics,
    now,
  });
  const intervalMs = env.FC_SYNC_INTERVAL_SECONDS * 1000;
  // Environment values are printed (never stored) with a key derived from the BFF's secret, so
  // replicas that share FC_SESSION_SECRET compare each other's prints.
  const printKey = createPrintKey(deps.secret);
  const store = createFleetStore({ sql: deps.sql, staleAfterMs: 3 * intervalMs, now });
  const sync = createSyncScheduler({
    store: deps.sql,
    accounts: deps.accounts,
    list: (account, region) => source.lister(account, region),
    intervalMs,
    upstreamRps: env.FC_UPSTREAM_RPS,
    leaseTtlMs: env.FC_SYNC_LEASE_SECONDS * 1000,
    printKey,
    historyDays: env.FC_HISTORY_DAYS,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger: deps.logger,
    now,
  });
  registerMetrics(metrics, source);
  const cursors = createCursorCodec({ secret: deps.secret, ttlMs: 3_600_000, now });
  const auth = createAuth({
    mode: env.FC_AUTH,
    token: env.FC_AUTH_TOKEN,
    trustedHeader: env.FC_TRUSTED_HEADER,
    trustedProxies: env.FC_TRUSTED_PROXIES,
    sessionSecret: deps.secret,
    sessionTtlMs: env.FC_SESSION_TTL_HOURS * 3_600_000,
    framed: env.FC_FRAME_ANCESTORS.length > 0,
    basePath: env.FC_BASE_PATH,
    now,
  });

  const inner = new Hono<AppEnv>()
    .get('/login', auth.login)
    .all('/logout', auth.logout)
    .use('*', auth.middleware)
    .route('/', healthRoutes({ accounts: deps.accounts, store, metrics }))
    .use('/api/*', rateLimit({ perMinute: env.FC_RATE_LIMIT_PER_MINUTE, now }))
    // A page of 100 functions is about 130 KB of JSON and compresses about tenfold.
    .use('/api/*', compressJson({ minBytes: 2048 }))
    .route('/api/functions', listFunctionsRoute({ accounts: deps.accounts, store, cursors }))
    .route(
      '/api/functions',
      getFunctionRoute({ accounts: deps.accounts, source, store, logger: deps.logger, printKey }),
    )
    .route('/api/facets', facetsRoute({ accounts: deps.accounts, store }))
    .route('/api/changes', changesRoute({ accounts: deps.accounts, store, cursors, now }))
    .route('/api/insights', insightsRoute({ accounts: deps.accounts, store, now }))
    .route(
      '/api/refresh',
      refreshRoute({ accounts: deps.accounts, store, sync, perMinute: env.FC_REFRESH_PER_MINUTE, now }),
    )
    .route(
      '/api/meta',
      metaRoute({
        accounts: deps.accounts,
        demo: deps.demo,
        version: deps.version,
        basePath: env.FC_BASE_PATH,
        frameAncestors: env.FC_FRAME_ANCESTORS,
        auth: env.FC_AUTH,
        store,
        syncIntervalSeconds: env.FC_SYNC_INTERVAL_SECONDS,
      }),
    )
    .all('/api/*', (c) => {
      throw new ApiError('NotFound', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`);
    })
    .route('/', serveSpa({ root: deps.webDist, basePath: env.FC_BASE_PATH }));

  const app = new Hono<AppEnv>();
  app.use('*', requestContext({ logger: deps.logger, metrics, now, basePath: env.FC_BASE_PATH }));
  app.use(
    '*',
    securityHeaders({
      frameAncestors: env.FC_FRAME_ANCESTORS,
      basePath: env.FC_BASE_PATH,
      trustedProxies: env.FC_TRUSTED_PROXIES,
    }),
  );
  // Before auth and every route: without a login, only loopback names may reach the app (DNS rebinding).
  if (env.FC_AUTH === 'none') app.use('*', hostCheck({ port: env.PORT }));
  app.use('*', refuseAmbiguousPaths());
  app.route(env.FC_BASE_PATH, inner);
  app.notFound((c) => {
    throw new ApiError(
      'NotFound',
      `Nothing at ${new URL(c.req.url).pathname}${env.FC_BASE_PATH === '/' ? '' : `; the dashboard is under ${env.FC_BASE_PATH}`}.`,
    );
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return apiErrorResponse(c, error);
    (c.get('logger') ?? deps.logger).error('unhandled error', { error });
    return c.json(
      {
        code: 'Internal',
        message: 'Something went wrong inside FC Fleet; the request id identifies it in the logs.',
        requestId: c.get('requestId') ?? 'unknown',
      },
      500,
    );
  });
  return { app, source, metrics, store, sync };
}
