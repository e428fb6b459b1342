import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppDeps, createApp } from '@fc-fleet/bff';
import { parseEnv } from '@fc-fleet/bff/env';
import { createLogger } from '@fc-fleet/bff/logger';
import { DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { openStore, type PassReport, type SqlClient } from '@fc-fleet/fleet-index';
import { type LocalServer, listenLocal } from '../shared/local-server.ts';

/** The BFF on loopback with its index on disk, in front of an emulator it reaches over real HTTP. */
export interface BffServer extends LocalServer {
  /** One pass of every region, as the scheduler would run it. */
  syncAll: () => Promise<(PassReport | undefined)[]>;
  /** Closes the app and its index, then opens the same index in a new app: a restart. */
  restart: () => Promise<void>;
  /** The index the app reads now, for a bench that fills it directly. */
  sql: () => SqlClient;
}

// The rate limit is the schema's maximum (1,000,000 a minute): the bench measures the BFF, not its limiter.
const ENV = { FC_LOG_LEVEL: 'error', FC_RATE_LIMIT_PER_MINUTE: '1000000' };

/** The one account the bench BFF lists: an endpoint template with `{region}`, and its regions. */
export type BenchAccount = Pick<AppDeps['accounts'][number], 'endpoint' | 'accountId' | 'regions'>;

/**
 * Serves the BFF for one account over the emulator's endpoint, with no custom fetch, so every
 * upstream page is signed, sent over HTTP and parsed as in production; the index is PGlite in a
 * temporary directory, as `pnpm start` keeps it in FC_DATA_DIR.
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
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-fleet-bench-index-'));
  const build = async () => {
    const sql = await openStore({ dataDir });
    const built = createApp({
      env: parsed.env,
      sql,
      accounts: [account],
      demo: false,
      logger: createLogger({ level: parsed.env.FC_LOG_LEVEL, sink: () => {} }),
      secret: 'bench-secret-for-cursors-and-sessions-0123456789',
      version: 'bench',
      webDist: '/nonexistent-web-dist',
    });
    return { ...built, sql };
  };
  let current = await build();
  const server = await listenLocal((request, env) => current.app.fetch(request, env));
  return {
    ...server,
    syncAll: () => current.sync.syncAll(),
    sql: () => current.sql,
    async restart() {
      await current.sync.stop();
      await current.sql.close();
      current = await build();
    },
    async close() {
      await current.sync.stop();
      await current.sql.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
