import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { resolveAccounts } from './accounts/resolve-accounts.ts';
import { createApp } from './app.ts';
import { demoEnv, parseEnv } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { openIndex } from './store/open-index.ts';
import { sessionSecret } from './store/session-secret.ts';

// Only listens: everything else is built by createApp from what this file resolves.
const here = dirname(fileURLToPath(import.meta.url));
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  process.stderr.write(
    `fc-fleet: refusing to start; fix these settings:\n  ${parsed.problems.join('\n  ')}\n`,
  );
  process.exit(1);
}
const resolved = await resolveAccounts(parsed.env, process.env);
if (!resolved.ok) {
  process.stderr.write(
    `fc-fleet: refusing to start; the accounts are not usable:\n  ${resolved.problems.join('\n  ')}\n`,
  );
  process.exit(1);
}
// The demo (FC_DEMO=1, or no credentials found) has defaults of its own: see demoEnv.
const env = resolved.demo ? demoEnv(parsed.env, process.env) : parsed.env;
const staticSecrets = [
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  process.env.ALIBABA_CLOUD_SECURITY_TOKEN,
  env.FC_AUTH_TOKEN,
  env.FC_SESSION_SECRET,
].filter((s): s is string => Boolean(s));
const logger = createLogger({
  level: env.FC_LOG_LEVEL,
  redact: () => [...staticSecrets, ...resolved.accounts.flatMap((a) => a.secrets())],
});
const version =
  (JSON.parse(readFileSync(resolve(here, '../package.json'), 'utf8')) as { version?: string }).version ??
  'dev';
let sql: Awaited<ReturnType<typeof openIndex>>;
let kept: Awaited<ReturnType<typeof sessionSecret>>;
try {
  sql = await openIndex(env, { demo: resolved.demo, logger });
  // After the index: its directory exists now, and keeps the secret when FC_SESSION_SECRET is not set.
  kept = await sessionSecret(env, { demo: resolved.demo });
} catch (error) {
  process.stderr.write(
    `fc-fleet: refusing to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
staticSecrets.push(kept.secret);
if (kept.source === 'data-dir')
  logger.info('session secret: kept with the embedded index (FC_SESSION_SECRET not set)', {
    path: kept.path,
  });
else if (kept.source === 'process')
  logger[env.FC_DATABASE_URL ? 'warn' : 'info'](
    'session secret: made for this process (FC_SESSION_SECRET not set): sessions and list cursors end at restart, and replicas must share FC_SESSION_SECRET',
  );
const { app, sync } = createApp({
  env,
  sql,
  accounts: resolved.accounts,
  demo: resolved.demo,
  logger,
  secret: kept.secret,
  version,
  webDist: env.FC_WEB_DIST ?? resolve(here, '../../web/dist'),
});
if (resolved.demo)
  logger.warn('demo mode: serving the built-in FC emulator and its generated fleet, not a cloud account', {
    reason: resolved.reason,
    syncIntervalSeconds: env.FC_SYNC_INTERVAL_SECONDS,
    churnSeconds: env.FC_DEMO_CHURN_SECONDS,
  });
else
  logger.info('accounts ready', {
    reason: resolved.reason,
    accounts: resolved.accounts.map((a) => ({ alias: a.alias, regions: a.regions })),
  });

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  const base = env.FC_BASE_PATH === '/' ? '/' : `${env.FC_BASE_PATH}/`;
  logger.info('listening', {
    url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${info.port}${base}`,
    auth: env.FC_AUTH,
    demo: resolved.demo,
    version,
  });
  sync.start();
});

// Demo only: the generated fleet changes every FC_DEMO_CHURN_SECONDS, so the history is alive.
const churn = resolved.demo
  ? (await import('./accounts/demo-churn.ts')).startDemoChurn(resolved, env.FC_DEMO_CHURN_SECONDS, logger)
  : undefined;

// Demo only: the emulator's fault controls on a second loopback port, to show (and test) how the
// dashboard behaves when the cloud throttles or fails. Never with real accounts.
const control =
  resolved.demo && resolved.emulator && env.FC_DEMO_CONTROL_PORT !== undefined
    ? serve(
        { fetch: resolved.emulator.app.fetch, hostname: '127.0.0.1', port: env.FC_DEMO_CONTROL_PORT },
        (info) =>
          logger.warn('demo fault controls listening', {
            url: `http://127.0.0.1:${info.port}/__emulator/faults`,
          }),
      )
    : undefined;

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  churn?.stop();
  control?.close();
  server.close(() => {
    // A pass cut short deletes nothing; the lease is given back so another replica may go on at once.
    void sync
      .stop()
      .then(() => sql.close())
      .catch((error: unknown) => logger.warn('closing the index failed', { error }))
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  });
  // A stuck pass or store must not hold the process forever.
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
