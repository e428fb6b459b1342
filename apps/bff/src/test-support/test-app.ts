import {
  createEmulator,
  DEFAULT_EMULATOR_CREDENTIALS,
  type Emulator,
  type EmulatorOptions,
} from '@fc-fleet/fc-emulator';
import type { SqlClient } from '@fc-fleet/fleet-index';
import type { Account } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { createLogger } from '../observability/logger.ts';
import { lazyTestStore } from './test-store.ts';

/** Options of `createTestApp`. */
export interface TestAppOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  now?: () => number;
  webDist?: string;
  /** Upstream calls per second; high by default, since the emulator is not the cloud. */
  upstreamRps?: number;
  /** The index; a fresh database on the test run's PostgreSQL server by default. */
  sql?: SqlClient;
  /** More accounts after the first (`test`), each over its own emulator: give it another seed for another fleet. */
  moreAccounts?: { alias: string; emulator?: EmulatorOptions }[];
}

/** An account over an in-process emulator, signing with the emulator's first key. */
function emulatedAccount(alias: string, options: EmulatorOptions | undefined, upstreamRps: number) {
  const emulator = createEmulator({
    ...options,
    fleet: { functionsPerRegion: 1000, ...options?.fleet },
  });
  const credentials = options?.accessKeys?.[0] ?? DEFAULT_EMULATOR_CREDENTIALS;
  const account: Account = {
    alias,
    accountId: emulator.fleet.options.accountId,
    regions: emulator.fleet.regions(),
    endpoint: emulator.endpointTemplate('http://emulator.test'),
    fetch: emulator.fetch,
    upstreamRps,
    credentials: async () => credentials,
    secrets: () => [credentials.accessKeyId, credentials.accessKeySecret],
  };
  return { account, emulator };
}

/** The whole BFF over an in-process emulator (the cloud's test double), with its log lines captured. */
export function createTestApp(options: TestAppOptions = {}) {
  const parsed = parseEnv({ FC_LOG_LEVEL: 'debug', FC_RATE_LIMIT_PER_MINUTE: '1000000', ...options.env });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const rps = options.upstreamRps ?? 1000;
  const { account, emulator } = emulatedAccount('test', options.emulator, rps);
  const others: { account: Account; emulator: Emulator }[] = (options.moreAccounts ?? []).map((more) =>
    emulatedAccount(more.alias, more.emulator, rps),
  );
  const accounts = [account, ...others.map((o) => o.account)];
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    sink: (line) => logs.push(line),
    redact: () => accounts.flatMap((a) => a.secrets()),
  });
  const sql = options.sql ?? lazyTestStore();
  const built = createApp({
    env: parsed.env,
    sql,
    accounts,
    demo: false,
    logger,
    secret: 'test-secret-for-cursors-and-sessions-0123456789',
    version: 'test',
    webDist: options.webDist ?? '/nonexistent-web-dist',
    now: options.now,
  });
  // The index is filled by one pass of every region before the first request that reads it.
  let synced: Promise<unknown> | undefined;
  const ready = () => {
    synced ??= built.sync.syncAll();
    return synced;
  };
  /** `app.request`, after the first sync pass of every region. */
  const request: typeof built.app.request = async (...args) => {
    await ready();
    return built.app.request(...args);
  };
  /** GET a path and read the JSON body. */
  const get = async (path: string, init?: RequestInit) => {
    const res = await request(path, init);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  return { ...built, emulator, account, others, logs, get, request, ready, sql };
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
