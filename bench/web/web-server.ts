import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@fc-fleet/bff';
import { demoAccounts } from '@fc-fleet/bff/demo-accounts';
import { parseEnv } from '@fc-fleet/bff/env';
import { createLogger } from '@fc-fleet/bff/logger';
import { openStore } from '@fc-fleet/fleet-index';
import { type LocalServer, listenLocal } from '../shared/local-server.ts';

/** The built dashboard the BFF serves; `pnpm bench:web` builds it first. */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist');

/** The demo BFF serving the built SPA, and how big its one region is. */
export interface WebServer extends LocalServer {
  region: string;
  functions: number;
}

/**
 * Starts the BFF in demo mode as `apps/bff/src/server.ts` builds it, over one generated region,
 * with the region generated and the router compiled before anything is timed.
 * @example const server = await startWebServer(50_000); await page.goto(server.baseUrl);
 */
export async function startWebServer(functions: number): Promise<WebServer> {
  if (!existsSync(resolve(WEB_DIST, 'index.html')))
    throw new Error(`no built dashboard in ${WEB_DIST}; run \`pnpm build\` first`);
  const region = 'cn-hangzhou';
  const parsed = parseEnv({
    FC_DEMO: '1',
    FC_REGIONS: region,
    FC_DEMO_FUNCTIONS_PER_REGION: String(functions),
    FC_LOG_LEVEL: 'error',
    // The schema's maximum: the bench measures the page, not the limiter.
    FC_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  if (!parsed.ok) throw new Error(`web bench env: ${parsed.problems.join('; ')}`);
  const resolved = demoAccounts(parsed.env, 'bench');
  if (!resolved.ok) throw new Error(`web bench accounts: ${resolved.problems.join('; ')}`);
  // Generating 50,000 functions takes a while; it belongs to start-up, not to the first page.
  resolved.emulator?.fleet.region(region);
  const sql = await openStore({ dataDir: 'memory' });
  const { app, sync } = createApp({
    env: parsed.env,
    sql,
    accounts: resolved.accounts,
    demo: resolved.demo,
    logger: createLogger({ level: parsed.env.FC_LOG_LEVEL, sink: () => {} }),
    secret: 'bench-secret-for-cursors-and-sessions-0123456789',
    version: 'bench',
    webDist: WEB_DIST,
  });
  // The index holds the region before the page is timed, as on a BFF that has been running.
  await sync.syncAll();
  const server = await listenLocal(app.fetch);
  // A warm server: the router compiled and the JIT through one request.
  const res = await fetch(`${server.baseUrl}/healthz`);
  await res.body?.cancel();
  return { ...server, region, functions };
}
