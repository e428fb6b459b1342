import { createFcClient, type FcFunction } from '@fc-fleet/fc-api';
import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS, type EmulatorOptions } from '@fc-fleet/fc-emulator';
import type { SqlClient } from '../db/sql-client.ts';
import type { PrintKey } from '../sync/env-prints.ts';
import { type ListPage, type PassReport, runPass } from '../sync/run-pass.ts';

/**
 * An emulator (the cloud's test double) and a way to run sync passes of its regions into a store,
 * printing environment values with `pass.printKey` when given.
 */
export function createIndexedFleet(
  sql: SqlClient,
  options: EmulatorOptions = {},
  pass: { printKey?: PrintKey; now?: () => number } = {},
) {
  const emulator = createEmulator({ ...options, fleet: { functionsPerRegion: 400, ...options.fleet } });
  const regions = emulator.fleet.regions();
  const listers = new Map<string, ListPage>();
  for (const region of regions) {
    const client = createFcClient({
      region,
      endpoint: emulator.endpointTemplate('http://emulator.test'),
      fetch: emulator.fetch,
      credentials: async () => DEFAULT_EMULATOR_CREDENTIALS,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    listers.set(region, (query, signal) => client.listFunctions(query, { signal }));
  }
  /** One pass of a region (all of them when none is named), in order. */
  const sync = async (only?: string): Promise<PassReport[]> => {
    const reports: PassReport[] = [];
    for (const region of only ? [only] : regions) {
      const list = listers.get(region);
      if (!list) throw new Error(`no region ${region}`);
      reports.push(await runPass({ sql, account: 'demo', region, list, ...pass }));
    }
    return reports;
  };
  /** Every function of the emulator as the cloud holds it, with its region and FC version. */
  const truth = (): { region: string; fn: FcFunction; fcVersion: string }[] =>
    regions.flatMap((region) =>
      [...(emulator.fleet.region(region)?.scan(undefined) ?? [])].map((s) => ({
        region,
        fn: s.fn,
        fcVersion: s.fcVersion,
      })),
    );
  /** The ListFunctions of a region, as a pass calls it (to wrap, e.g. to cut a pass short). */
  const lister = (region: string): ListPage => {
    const list = listers.get(region);
    if (!list) throw new Error(`no region ${region}`);
    return list;
  };
  return { emulator, regions, sync, truth, lister };
}
