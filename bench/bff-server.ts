import { type AppDeps, createApp } from '@fc-fleet/bff';
import { parseEnv } from '@fc-fleet/bff/env';
import { createLogger } from '@fc-fleet/bff/logger';
import { DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { type LocalServer, listenLocal } from './local-server.ts';

/** The BFF on loopback, in front of an emulator that it reaches over real HTTP. */
export interface BffServer extends LocalServer {
  /** Swaps in a new app instance behind the same port: empty caches, fresh rate limits. */
  renew: () => Promise<void>;
}

// The rate limit is the schema's maximum (1,000,000 a minute): the bench measures the BFF, not its limiter.
const ENV = { FC_LOG_LEVEL: 'error', FC_RATE_LIMIT_PER_MINUTE: '1000000', FC_CACHE_TTL_SECONDS: '3600' };

/** The one account the bench BFF lists: an endpoint template with `{region}`, and its regions. */
export type BenchAccount = Pick<AppDeps['accounts'][number], 'endpoint' | 'accountId' | 'regions'>;

/**
 * Serves the BFF for one account over the emulator's endpoint, with no custom fetch, so every
 * upstream page is signed, sent over HTTP and parsed as in production.
 * @example const bff = await startBffServer({ endpoint: emulator.endpointTemplate(url), regions: ['cn-hangzhou'] });
 */
export async function startBffServer(target: BenchAccount): Promise<BffServer> {
  const parsed = parseEnv(ENV);
  if (!parsed.ok) throw new Error(`bench BFF env: ${parsed.problems.join('; ')}`);
  const credentials = DEFAULT_EMULATOR_CREDENTIALS;
  const account: AppDeps['accounts'][number] = {
    ...target,
    alias: 'bench',
    upstreamRps: 1000,
    credentials: async () => credentials,
    secrets: () => [credentials.accessKeyId, credentials.accessKeySecret],
  };
  const build = () =>
    createApp({
      env: parsed.env,
      accounts: [account],
      demo: false,
      logger: createLogger({ level: parsed.env.FC_LOG_LEVEL, sink: () => {} }),
      secret: 'bench-secret-for-cursors-and-sessions-0123456789',
      version: 'bench',
      webDist: '/nonexistent-web-dist',
    }).app;
  let app = build();
  const server = await listenLocal((request) => app.fetch(request));
  const renew = async () => {
    app = build();
    // Hono compiles its router on the first request: pay that here, not on the first timed page.
    const res = await fetch(`${server.baseUrl}/healthz`);
    await res.body?.cancel();
  };
  await renew();
  return { ...server, renew };
}
