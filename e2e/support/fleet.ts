import { createFleet, type StoredFunction } from '@fc-fleet/fc-emulator';

/** A function exactly as the emulator holds it: secrets in clear. */
export type RawFunction = StoredFunction['fn'];

/** The demo regions, in the order the BFF is configured with them (ties in a merge follow it). */
export const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'] as const;
export type Region = (typeof REGIONS)[number];

/** The demo account's alias, the first part of every `data-row-key`. */
export const ACCOUNT = 'demo';

/**
 * The ground truth: the same deterministic fleet the BFF's in-process emulator generates in demo
 * mode, rebuilt here from the same options so every expectation is independent of the app.
 */
export const fleet = createFleet({
  seed: 'fc-fleet',
  accountId: '1234567890123456',
  regions: [...REGIONS],
  functionsPerRegion: 1500,
});

/** Every stored function of a region (the function and its FC version), in name order. */
export function storedIn(region: Region): StoredFunction[] {
  const regionFleet = fleet.region(region);
  if (!regionFleet) throw new Error(`the fleet has no region ${region}`);
  return [...regionFleet.scan(undefined)];
}

/** Every function of a region, in name order. */
export const functionsIn = (region: Region): RawFunction[] => storedIn(region).map((stored) => stored.fn);

/** The table's row key of a function: `account/region/name`. */
export const rowKey = (region: string, name: string): string => `${ACCOUNT}/${region}/${name}`;

/** Row keys of the functions of a region that pass `keep`, in the order the table must show them. */
export function keysIn(
  region: Region,
  keep: (fn: RawFunction, stored: StoredFunction) => boolean = () => true,
): string[] {
  return storedIn(region)
    .filter((stored) => keep(stored.fn, stored))
    .map((stored) => rowKey(region, stored.fn.functionName));
}

/** Every region merged by name; a name that exists in several regions follows the region's name. */
export function mergedRows(): { region: Region; fn: RawFunction }[] {
  const rows = REGIONS.flatMap((region) => functionsIn(region).map((fn) => ({ region, fn })));
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) => byCodePoint(a.fn.functionName, b.fn.functionName) || byCodePoint(a.region, b.region),
  );
}

/** The first function of a region that passes `keep`; throws if the fleet has none. */
export function firstWhere(region: Region, keep: (fn: RawFunction) => boolean, what: string): RawFunction {
  const fn = functionsIn(region).find(keep);
  if (!fn) throw new Error(`the demo fleet has no function in ${region} with ${what}`);
  return fn;
}
