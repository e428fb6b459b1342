import { type FunctionIdentity, generateFunction, type RegionContext } from './generate-function.ts';
import { createRng, type Rng } from './prng.ts';
import { type FunctionStatus, RegionFleet, type StoredFunction } from './region-fleet.ts';
import { generateSharedInfra } from './shared-infra.ts';
import { COMPONENTS, ENVIRONMENTS, SERVICES, TEAMS } from './vocabulary.ts';

/** How to generate a fleet. */
export interface FleetOptions {
  seed: string;
  accountId: string;
  regions: readonly string[];
  functionsPerRegion: number;
  /** Newest timestamp in the fleet; fixed by default so a seed always gives the same dates. */
  epochMs?: number;
}

/** Default epoch: dates in the fleet end here. */
export const DEFAULT_FLEET_EPOCH = Date.UTC(2026, 10, 1, 8, 0, 0);

/**
 * Draws a function's owner and name (`team-service-component-env`), unique among `taken`, which
 * it extends.
 * @example const id = drawIdentity(createRng('x'), new Set(region.allNames()));
 */
export function drawIdentity(rng: Rng, taken: Set<string>): FunctionIdentity {
  const team = rng.pick(TEAMS);
  const service = rng.pick(SERVICES);
  const component = rng.pick(COMPONENTS);
  const env = rng.weighted(ENVIRONMENTS);
  const odd = rng.chance(0.006);
  let base = `${team}-${service}-${component}-${env}`;
  if (odd && rng.chance(0.5)) {
    // FC allows 128 characters; a few real names get close.
    base = `${base}-${'legacy-migrated-from-fc2-service-with-a-very-long-descriptive-name-'.repeat(2)}`.slice(
      0,
      120,
    );
  }
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return { name, team, service, component, env, odd };
}

function status(rng: Rng): FunctionStatus {
  const roll = rng.next();
  if (roll < 0.93) return { state: 'Active', lastUpdateStatus: 'Successful' };
  if (roll < 0.96) {
    return {
      state: 'Active',
      lastUpdateStatus: 'InProgress',
      lastUpdateStatusReason:
        'The system is currently processing the acceleration optimization for the image.',
      lastUpdateStatusReasonCode: 'ImageOptimizing',
    };
  }
  if (roll < 0.98)
    return {
      state: 'Pending',
      stateReason: 'Function creating',
      stateReasonCode: 'Creating',
      lastUpdateStatus: 'InProgress',
    };
  return {
    state: 'Failed',
    stateReason: 'The specified vSwitch has insufficient IP addresses.',
    stateReasonCode: 'VSwitchIpNotEnough',
    lastUpdateStatus: 'Failed',
    lastUpdateStatusReason: 'Image pull failed: unauthorized',
    lastUpdateStatusReasonCode: 'ImagePullFailed',
  };
}

/**
 * The region's shared resources (VPCs, images, layers, ...): the first draws of the region's
 * stream, so the same seed gives the same infrastructure to the generator and to later changes.
 * @example const ctx = regionContext(fleet.options, 'cn-hangzhou'); ctx.infra.vpcs[0]?.vpcId;
 */
export function regionContext(
  options: FleetOptions,
  region: string,
  rng: Rng = createRng(`${options.seed}/${region}`),
): RegionContext {
  return {
    region,
    accountId: options.accountId,
    infra: generateSharedInfra(rng, region, options.accountId),
    epochMs: options.epochMs ?? DEFAULT_FLEET_EPOCH,
  };
}

/** Generates one region's functions, deterministically from the seed and the region. */
export function generateRegionFleet(options: FleetOptions, region: string): RegionFleet {
  const rng = createRng(`${options.seed}/${region}`);
  const ctx = regionContext(options, region, rng);
  const taken = new Set<string>();
  const stored: StoredFunction[] = [];
  for (let i = 0; i < options.functionsPerRegion; i++) {
    const id = drawIdentity(rng, taken);
    // Each function gets its own stream, so editing one generator rule does not reshuffle the rest.
    const fnRng = createRng(`${options.seed}/${region}/${id.name}`);
    stored.push({
      fn: generateFunction(fnRng, id, ctx),
      fcVersion: fnRng.chance(0.08) ? 'v2' : 'v3',
      status: status(fnRng),
    });
  }
  return new RegionFleet(region, stored);
}

/** The emulator's fleet: regions generated on first use, then kept and mutable. */
export function createFleet(options: FleetOptions) {
  const regions = new Map<string, RegionFleet>();
  return {
    options,
    regions: (): readonly string[] => options.regions,
    /** The region's functions, or undefined for a region the emulator does not serve. */
    region(name: string): RegionFleet | undefined {
      if (!options.regions.includes(name)) return undefined;
      let fleet = regions.get(name);
      if (!fleet) {
        fleet = generateRegionFleet(options, name);
        regions.set(name, fleet);
      }
      return fleet;
    },
  };
}

/** A fleet made by `createFleet`. */
export type Fleet = ReturnType<typeof createFleet>;
