import type { FcFunction } from '@fc-fleet/fc-api';
import {
  bumpImage,
  bumpLayer,
  changeTimeout,
  type EditContext,
  moveNetwork,
  resizeMemory,
  retag,
  upgradeRuntime,
} from './demo-edits.ts';
import { addEnvVariable, changeEnvVariable, removeEnvVariable } from './demo-env-edits.ts';
import { drawIdentity, type Fleet, regionContext } from './generate-fleet.ts';
import { generateFunction, type RegionContext } from './generate-function.ts';
import { createRng } from './prng.ts';

type Edit = (ctx: EditContext, fn: FcFunction) => Partial<FcFunction> | undefined;

/** Each kind of edit, the field it changes (as FC Fleet files it) and how often it happens. */
export const DEMO_EDITS = {
  memory: { field: 'memorySize', weight: 14, edit: resizeMemory },
  runtime: { field: 'runtime', weight: 7, edit: upgradeRuntime },
  timeout: { field: 'timeout', weight: 10, edit: changeTimeout },
  'env-added': { field: 'environmentVariables', weight: 6, edit: addEnvVariable },
  'env-removed': { field: 'environmentVariables', weight: 3, edit: removeEnvVariable },
  'env-changed': { field: 'environmentVariables', weight: 9, edit: changeEnvVariable },
  tags: { field: 'tags', weight: 9, edit: retag },
  image: { field: 'customContainerConfig', weight: 9, edit: bumpImage },
  network: { field: 'vpcConfig', weight: 5, edit: moveNetwork },
  layer: { field: 'layers', weight: 6, edit: bumpLayer },
} as const satisfies Record<string, { field: keyof FcFunction; weight: number; edit: Edit }>;

/** A kind of change the demo schedule makes. */
export type DemoChangeKind = keyof typeof DEMO_EDITS | 'create' | 'delete';

/** One change the schedule made. */
export interface DemoChange {
  kind: DemoChangeKind;
  region: string;
  name: string;
}

/** How the demo fleet changes. */
export interface DemoChurnOptions {
  seed: string;
  /** The emulator's clock, for `lastModifiedTime` and new functions' `createdTime`. */
  now?: () => number;
  /** Changes per tick: at least, at most. Default 3 to 8. */
  perTick?: readonly [number, number];
}

const KIND_WEIGHTS: readonly (readonly [DemoChangeKind, number])[] = [
  ...Object.entries(DEMO_EDITS).map(([kind, e]) => [kind as DemoChangeKind, e.weight] as const),
  ['create', 3],
  ['delete', 3],
];
/** Functions tried for an edit before the change is skipped (few functions have layers, say). */
const ATTEMPTS = 12;
const cloudTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The demo fleet's life: memory and timeout changes, runtime upgrades, environment variables
 * added, removed and changed, tag moves, image and layer releases, network moves, and now and then
 * a function created or deleted, across the regions. Every edit sets `lastModifiedTime` to now,
 * as the cloud does, except a tag change (tags are a separate resource in FC 3.0). Same seed and
 * same fleet, same changes; unlike `createChurn`, it keeps no log, so it can run for days.
 * @example const churn = createDemoChurn(emulator.fleet, { seed: 'demo' }); setInterval(() => churn.tick(), 20_000);
 */
export function createDemoChurn(fleet: Fleet, options: DemoChurnOptions) {
  const rng = createRng(`demo-churn/${options.seed}`);
  const now = options.now ?? Date.now;
  const [least, most] = options.perTick ?? [3, 8];
  const contexts = new Map<string, RegionContext>();
  // New functions draw from their own stream, numbered so a name deleted and created again differs.
  let created = 0;
  const contextOf = (region: string) => {
    const known = contexts.get(region);
    if (known) return known;
    const ctx = regionContext(fleet.options, region);
    contexts.set(region, ctx);
    return ctx;
  };

  function change(): DemoChange | undefined {
    const region = rng.pick(fleet.regions());
    const functions = fleet.region(region);
    if (!functions) return undefined;
    const names = functions.allNames();
    const kind = names.length === 0 ? 'create' : rng.weighted(KIND_WEIGHTS);
    const nowMs = now();
    if (kind === 'create') {
      const ctx = { ...contextOf(region), epochMs: nowMs };
      const id = drawIdentity(rng, new Set(names));
      const fn = generateFunction(createRng(`${options.seed}/${region}/${id.name}/${created++}`), id, ctx);
      const at = cloudTime(nowMs);
      functions.put({
        fn: { ...fn, createdTime: at, lastModifiedTime: at },
        fcVersion: 'v3',
        status: { state: 'Active', lastUpdateStatus: 'Successful' },
      });
      return { kind, region, name: id.name };
    }
    if (kind === 'delete') {
      const name = rng.pick(names);
      functions.delete(name);
      return { kind, region, name };
    }
    const ctx: EditContext = { rng, region: contextOf(region), nowMs };
    for (let i = 0; i < ATTEMPTS; i++) {
      const stored = functions.get(rng.pick(names));
      const patch = stored && DEMO_EDITS[kind].edit(ctx, stored.fn);
      if (!stored || !patch) continue;
      const fn = { ...stored.fn, ...patch };
      if (kind !== 'tags') fn.lastModifiedTime = cloudTime(nowMs);
      functions.put({ ...stored, fn });
      return { kind, region, name: fn.functionName };
    }
    return undefined;
  }

  return {
    /** Makes one change; undefined when none of the functions tried could take the kind drawn. */
    change,
    /** Makes a few changes (`perTick`) across the regions and returns them. */
    tick(): DemoChange[] {
      const out: DemoChange[] = [];
      for (let i = rng.int(least, most); i > 0; i--) {
        const made = change();
        if (made) out.push(made);
      }
      return out;
    },
  };
}

/** A schedule made by `createDemoChurn`. */
export type DemoChurn = ReturnType<typeof createDemoChurn>;
