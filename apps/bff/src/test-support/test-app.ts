import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS, type EmulatorOptions } from '@fc-fleet/fc-emulator';
import type { Account } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { createLogger } from '../observability/logger.ts';

/** Options of `createTestApp`. */
export interface TestAppOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  now?: () => number;
  webDist?: string;
  /** Upstream calls per second; high by default, since the emulator is not the cloud. */
  upstreamRps?: number;
}

/** The whole BFF over an in-process emulator (the cloud's test double), with its log lines captured. */
export function createTestApp(options: TestAppOptions = {}) {
  const emulator = createEmulator({
    ...options.emulator,
    fleet: { functionsPerRegion: 1000, ...options.emulator?.fleet },
  });
  const parsed = parseEnv({ FC_LOG_LEVEL: 'debug', FC_RATE_LIMIT_PER_MINUTE: '1000000', ...options.env });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const credentials = options.emulator?.accessKeys?.[0] ?? DEFAULT_EMULATOR_CREDENTIALS;
  const account: Account = {
    alias: 'test',
    accountId: emulator.fleet.options.accountId,
    regions: emulator.fleet.regions(),
    endpoint: emulator.endpointTemplate('http://emulator.test'),
    fetch: emulator.fetch,
    upstreamRps: options.upstreamRps ?? 1000,
    credentials: async () => credentials,
    secrets: () => [credentials.accessKeyId, credentials.accessKeySecret],
  };
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line), redact: account.secrets });
  const built = createApp({
    env: parsed.env,
    accounts: [account],
    demo: false,
    logger,
    secret: 'test-secret-for-cursors-and-sessions-0123456789',
    version: 'test',
    webDist: options.webDist ?? '/nonexistent-web-dist',
    now: options.now,
  });
  /** GET a path and read the JSON body. */
  const get = async (path: string, init?: RequestInit) => {
    const res = await built.app.request(path, init);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  return { ...built, emulator, account, logs, get };
}

/** One row of `/api/functions`. */
export interface Row {
  account: string;
  region: string;
  function: { functionName: string } & Record<string, unknown>;
}

/** Scrolls `/api/functions` to the end, checking on every page that a page is full unless it says otherwise. */
export async function scrollAll(get: ReturnType<typeof createTestApp>['get'], query: string, limit = 100) {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let requests = 0;
  const shortPages: number[] = [];
  do {
    const sep = query ? '&' : '';
    const res = await get(
      `/api/functions?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
    requests++;
    const page = res.body.functions as Row[];
    rows.push(...page);
    cursor = res.body.cursor as string | undefined;
    if (cursor && res.body.complete === true && page.length !== limit)
      throw new Error(`short page of ${page.length} claimed complete`);
    if (!cursor && res.body.complete !== true) throw new Error('last page did not say complete');
    if (page.length < limit && cursor) shortPages.push(page.length);
    if (requests > 5000) throw new Error('scroll does not end');
  } while (cursor);
  return { rows, requests, shortPages };
}
