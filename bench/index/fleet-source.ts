import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createFcClient } from '@fc-fleet/fc-api';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS, DEFAULT_REGIONS } from '@fc-fleet/fc-emulator';
import type { ListPage } from '@fc-fleet/fleet-index';

/** Where a bench pass lists functions from. */
export interface FleetSource {
  /** `in-process`, or the URL of an emulator in its own process. */
  describe: string;
  regions: readonly string[];
  list(region: string): ListPage;
  close(): Promise<void>;
}

function source(describe: string, endpoint: string, regions: readonly string[], fetchImpl?: typeof fetch) {
  return {
    describe,
    regions,
    list(region: string): ListPage {
      const client = createFcClient({
        region,
        endpoint,
        credentials: async () => DEFAULT_EMULATOR_CREDENTIALS,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      return (query, signal) => client.listFunctions(query, { signal });
    },
  };
}

/** Starts the standalone emulator (`pnpm emulator`) on a free port; resolves with its URL once it listens. */
async function spawnEmulator(perRegion: number): Promise<{ url: string; child: ChildProcess }> {
  // Node itself rather than pnpm, so that the kill at the end reaches the emulator.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/fc-emulator/src/server.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, FC_EMULATOR_PORT: '0', FC_EMULATOR_FUNCTIONS_PER_REGION: String(perRegion) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  for await (const line of lines) {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed && 'url' in parsed && typeof parsed.url === 'string')
      return { url: parsed.url, child };
  }
  throw new Error('the emulator exited before it listened');
}

/**
 * The fleet a bench ingests: the emulator in this process (its fleet then counts in this
 * process's RSS), one at `BENCH_INDEX_EMULATOR_URL`, or with `BENCH_INDEX_EMULATOR=http` one
 * this bench starts as its own process, so RSS is the store's and the client's alone.
 * @example const fleet = await openFleetSource(100_000); runPass({ list: fleet.list('cn-hangzhou'), ... });
 */
export async function openFleetSource(perRegion: number): Promise<FleetSource> {
  const given = process.env.BENCH_INDEX_EMULATOR_URL;
  if (given) {
    const template = `${given.replace(/\/$/, '')}/regions/{region}`;
    return { ...source(given, template, DEFAULT_REGIONS), close: async () => {} };
  }
  if (process.env.BENCH_INDEX_EMULATOR === 'http') {
    const { url, child } = await spawnEmulator(perRegion);
    return {
      ...source(`${url} (spawned)`, `${url}/regions/{region}`, DEFAULT_REGIONS),
      close: async () => {
        child.kill('SIGTERM');
      },
    };
  }
  const emulator = createEmulator({ fleet: { functionsPerRegion: perRegion } });
  const endpoint = emulator.endpointTemplate('http://emulator.bench');
  return {
    ...source('in-process', endpoint, emulator.fleet.regions(), emulator.fetch),
    close: async () => {},
  };
}
