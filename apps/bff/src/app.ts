import { Hono } from 'hono';
import type { Account } from './accounts/account.ts';
import type { AppEnv } from './app-env.ts';
import { createCursorCodec } from './cursor/cursor-codec.ts';
import type { BffEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { createAuth } from './middleware/auth.ts';
import { compressJson } from './middleware/compress-json.ts';
import { hostCheck } from './middleware/host-check.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { Logger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { registerMetrics } from './observability/register-metrics.ts';
import { getFunctionRoute } from './routes/get-function.ts';
import { healthRoutes } from './routes/health.ts';
import { listFunctionsRoute } from './routes/list-functions.ts';
import { metaRoute } from './routes/meta.ts';
import type { SortedView } from './scan/sorted-page.ts';
import { refuseAmbiguousPaths } from './static/ambiguous-path.ts';
import { serveSpa } from './static/serve-spa.ts';
import { createFacetCollector } from './upstream/facet-collector.ts';
import { createFleetSource } from './upstream/fleet-source.ts';
import { createTtlLruCache } from './upstream/ttl-lru-cache.ts';

/** Everything the app is built from; `server.ts` resolves it from the environment, tests pass their own. */
export interface AppDeps {
  env: BffEnv;
  accounts: readonly Account[];
  demo: boolean;
  logger: Logger;
  /** Signs cursors and session cookies. */
  secret: string;
  version: string;
  webDist: string;
  now?: () => number;
}

/**
 * Builds the BFF: request ids and logs, security headers, auth, rate limits, the `/api` routes,
 * probes and metrics, and the SPA, all under `FC_BASE_PATH`.
 * @example const { app } = createApp(deps); const res = await app.request('/api/meta');
 */
export function createApp(deps: AppDeps) {
  const { env } = deps;
  const now = deps.now ?? Date.now;
  const metrics: Metrics = createMetrics();
  const facets = createFacetCollector();
  const source = createFleetSource({
    accounts: deps.accounts,
    cache: {
      ttlMs: env.FC_CACHE_TTL_SECONDS * 1000,
      staleMs: env.FC_CACHE_STALE_SECONDS * 1000,
      maxBytes: env.FC_CACHE_MAX_MB * 2 ** 20,
    },
    limiter: { concurrency: env.FC_UPSTREAM_CONCURRENCY, ratePerSecond: env.FC_UPSTREAM_RPS },
    timeoutMs: env.FC_UPSTREAM_TIMEOUT_MS,
    metrics,
    facets,
    now,
  });
  const views = createTtlLruCache<SortedView>({
    ttlMs: env.FC_CACHE_TTL_SECONDS * 1000,
    staleMs: 0,
    maxBytes: Math.max(8 * 2 ** 20, (env.FC_CACHE_MAX_MB * 2 ** 20) / 4),
    sizeOf: (view) => 64 + view.rows.length * 96,
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
    .route('/', healthRoutes({ lastSuccessAt: source.lastSuccessAt, now, metrics }))
    .use('/api/*', rateLimit({ perMinute: env.FC_RATE_LIMIT_PER_MINUTE, now }))
    // A page of 100 functions is about 130 KB of JSON and compresses about tenfold.
    .use('/api/*', compressJson({ minBytes: 2048 }))
    .route(
      '/api/functions',
      listFunctionsRoute({
        accounts: deps.accounts,
        source,
        cursors,
        views,
        scan: { maxPages: env.FC_SCAN_MAX_PAGES, maxMs: env.FC_SCAN_MAX_MS },
        now,
      }),
    )
    .route('/api/functions', getFunctionRoute({ accounts: deps.accounts, source }))
    .route(
      '/api/meta',
      metaRoute({
        accounts: deps.accounts,
        demo: deps.demo,
        version: deps.version,
        basePath: env.FC_BASE_PATH,
        frameAncestors: env.FC_FRAME_ANCESTORS,
        auth: env.FC_AUTH,
        facets,
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
    const requestId = c.get('requestId') ?? 'unknown';
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ code: error.code, message: error.message, requestId }, error.status);
    }
    (c.get('logger') ?? deps.logger).error('unhandled error', { error });
    return c.json(
      {
        code: 'Internal',
        message: 'Something went wrong inside FC Fleet; the request id identifies it in the logs.',
        requestId,
      },
      500,
    );
  });
  return { app, source, metrics };
}

/** The Hono app type, for a typed client. */
export type AppType = ReturnType<typeof createApp>['app'];
