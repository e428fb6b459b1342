import { type FcFunction, sha256Hex } from '@fc-fleet/fc-api';
import { Hono } from 'hono';
import { createCredentialStore, type EmulatorAccessKey } from './auth/credential-store.ts';
import { createNonceCache } from './auth/nonce-cache.ts';
import { MAX_SKEW_MS, verifyRequest } from './auth/verify-request.ts';
import { type EmulatorEnv, errorResponse, invalidArgument } from './errors.ts';
import {
  type FaultOptions,
  type FaultOptionsInput,
  faultOptionsSchema,
  NO_FAULTS,
} from './faults/fault-options.ts';
import { injectFaults } from './faults/inject-faults.ts';
import { type ChurnOptions, createChurn } from './fleet/churn.ts';
import { createFleet, type FleetOptions } from './fleet/generate-fleet.ts';
import { createRng } from './fleet/prng.ts';
import { inProcessFetch } from './in-process-fetch.ts';
import { createNextTokenCodec } from './paging/next-token.ts';
import { controlRoutes } from './routes/control.ts';
import { functionRoutes } from './routes/functions.ts';
import { createStats } from './stats.ts';

/** Default key pair of the emulator; documented in the README, never a real credential. */
export const DEFAULT_EMULATOR_CREDENTIALS = {
  accessKeyId: 'fc-emulator-key-id',
  accessKeySecret: 'fc-emulator-key-secret',
} as const;

/** Default regions of the generated fleet; the first one is served at the root path. */
export const DEFAULT_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'] as const;

/** How to build an emulator; every field has a default. */
export interface EmulatorOptions {
  fleet?: Partial<FleetOptions>;
  accessKeys?: EmulatorAccessKey[];
  faults?: FaultOptionsInput;
  now?: () => number;
  /** Change the fleet after every ListFunctions answer, on a deterministic schedule. */
  churn?: ChurnOptions;
  /**
   * Serve `/__emulator/*` (faults, stats and fleet changes over HTTP, unsigned, loopback peers only);
   * for the standalone server.
   */
  control?: boolean;
}

/**
 * A Function Compute 3.0 API emulator: real signatures, paging, filters and error bodies over a
 * generated fleet. Regions other than the first are served under `/regions/{region}`.
 * @example
 * const emulator = createEmulator({ fleet: { functionsPerRegion: 100 } });
 * const res = await emulator.app.request('/2023-03-30/functions'); // 400: unsigned
 */
export function createEmulator(options: EmulatorOptions = {}) {
  const fleetOptions: FleetOptions = {
    seed: 'fc-fleet',
    accountId: '1234567890123456',
    regions: [...DEFAULT_REGIONS],
    functionsPerRegion: 1500,
    ...options.fleet,
  };
  const fleet = createFleet(fleetOptions);
  const credentials = createCredentialStore(options.accessKeys ?? [DEFAULT_EMULATOR_CREDENTIALS]);
  const nonces = createNonceCache(2 * MAX_SKEW_MS);
  const now = options.now ?? Date.now;
  let faults: FaultOptions = options.faults ? faultOptionsSchema.parse(options.faults) : NO_FAULTS;
  const stats = createStats();
  const tokens = createNextTokenCodec(fleetOptions.seed);
  const defaultRegion = fleetOptions.regions[0] ?? 'cn-hangzhou';
  const churn = options.churn ? createChurn(fleet, options.churn) : undefined;
  const api = functionRoutes(fleet, tokens, () => churn?.step());

  const app = new Hono<EmulatorEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', crypto.randomUUID().toUpperCase());
    c.header('x-acs-request-id', c.get('requestId'));
    await next();
  });
  if (options.control)
    app.route(
      '/__emulator',
      controlRoutes({ getFaults: () => faults, setFaults: (f) => (faults = f), stats, fleet, now }),
    );

  const regional = new Hono<EmulatorEnv>();
  regional.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const search = new URLSearchParams(url.search);
    const query: Record<string, string> = {};
    for (const [key, value] of search) {
      if (key in query)
        return errorResponse(c, invalidArgument(`The query parameter ${key} is given more than once.`));
      query[key] = value;
    }
    c.set('query', query);
    stats.record(c.get('region'), c.req.header('x-acs-action') ?? 'unknown');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const failure = await verifyRequest(
      {
        method: c.req.method,
        rawPath: url.pathname,
        query,
        headers: c.req.raw.headers,
        host: c.req.header('host') ?? url.host,
        bodySha256: await sha256Hex(body),
      },
      { credentials, nonces, nowMs: now() },
    );
    if (failure) return errorResponse(c, failure);
    await next();
    return undefined;
  });
  regional.route('/', api);
  regional.all('*', (c) =>
    errorResponse(c, {
      status: 400,
      code: 'PathNotSupported',
      message: `${c.req.method} ${new URL(c.req.url).pathname} is not supported.`,
    }),
  );

  const faultRng = createRng(`${fleetOptions.seed}/faults`);
  for (const base of ['/regions/:region', '']) {
    app.use(`${base}/*`, async (c, next) => {
      c.set('region', c.req.param('region') ?? defaultRegion);
      await next();
    });
    app.use(
      `${base}/*`,
      injectFaults(() => faults, faultRng, now),
    );
    app.route(base || '/', regional);
  }

  return {
    app,
    /** A `fetch` that calls the emulator in-process and, like a real fetch, rejects when aborted. */
    fetch: inProcessFetch(app),
    fleet,
    /** The churn schedule's log, when one runs. */
    churnLog: () => churn?.log() ?? [],
    credentials,
    stats,
    /** Replaces the injected faults; throws on an invalid setting. */
    setFaults(input: FaultOptionsInput): void {
      faults = faultOptionsSchema.parse(input);
    },
    faults: (): FaultOptions => faults,
    /** Creates or replaces a function in a region (for churn and leak tests). */
    putFunction(region: string, fn: FcFunction, fcVersion: 'v3' | 'v2' = 'v3'): void {
      fleet
        .region(region)
        ?.put({ fn, fcVersion, status: { state: 'Active', lastUpdateStatus: 'Successful' } });
    },
    deleteFunction: (region: string, name: string): boolean => fleet.region(region)?.delete(name) ?? false,
    /** Endpoint template for a base URL: `http://127.0.0.1:9100/regions/{region}`. */
    endpointTemplate: (baseUrl: string): string => `${baseUrl.replace(/\/$/, '')}/regions/{region}`,
  };
}

/** An emulator made by `createEmulator`. */
export type Emulator = ReturnType<typeof createEmulator>;
