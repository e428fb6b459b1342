import type { StoredFunction } from '@fc-fleet/fc-emulator';
import { createTestApp } from './test-app.ts';

/** A function as one of the emulators holds it, with its account and region: what independent counts read. */
export type FleetFunction = { account: string; region: string; stored: StoredFunction };

/**
 * The BFF over two accounts, each on its own emulator: `test` (three regions) and `second`
 * (cn-hangzhou, which both have, and cn-shenzhen), and every function of both as the emulators
 * hold them, for counts made by code that shares nothing with the index.
 * @example const { t, all } = createTwoAccountApp({ test: 800, second: 500 }); all().length; // 3400
 */
export function createTwoAccountApp(perRegion: { test: number; second: number }) {
  const t = createTestApp({
    emulator: { fleet: { functionsPerRegion: perRegion.test } },
    moreAccounts: [
      {
        alias: 'second',
        emulator: {
          fleet: {
            seed: 'second',
            accountId: '2222333344445555',
            functionsPerRegion: perRegion.second,
            regions: ['cn-hangzhou', 'cn-shenzhen'],
          },
        },
      },
    ],
  });
  const fleetOf = (account: string, emulator: typeof t.emulator): FleetFunction[] =>
    emulator.fleet.regions().flatMap((region) =>
      [...(emulator.fleet.region(region)?.scan(undefined) ?? [])].map((stored) => ({
        account,
        region,
        stored,
      })),
    );
  const all = () => [
    ...fleetOf('test', t.emulator),
    ...fleetOf('second', t.others[0]?.emulator ?? t.emulator),
  ];
  return { t, all };
}

/** The function's value for a tag key; an empty value counts as none, as the index keeps `env` and `team`. */
export const tagOf = (r: FleetFunction, key: string) =>
  (r.stored.fn.tags ?? []).find((t) => t.Key === key)?.Value || null;

/** A container's acceleration by the rule the index states (accelerationOf), spelled out again here. */
export function accelerationOf(r: FleetFunction): string | null {
  const c = r.stored.fn.customContainerConfig;
  if (!c?.image) return null;
  return c.accelerationType === 'None' ? 'None' : c.accelerationInfo?.status || 'Unknown';
}
