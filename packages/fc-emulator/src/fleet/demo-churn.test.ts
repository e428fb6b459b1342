import { type FcFunction, functionSchema } from '@fc-fleet/fc-api';
import { describe, expect, it } from 'vitest';
import { createDemoChurn, DEMO_EDITS, type DemoChange, type DemoChangeKind } from './demo-churn.ts';
import { RUNTIME_UPGRADES } from './demo-edits.ts';
import { createFleet, type Fleet } from './generate-fleet.ts';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
const fleetOf = (seed = 'demo-test') =>
  createFleet({ seed, accountId: '1234567890123456', regions: REGIONS, functionsPerRegion: 80 });

/** Every function of the fleet, by region and name, as a deep copy. */
function snapshot(fleet: Fleet): Map<string, FcFunction> {
  const out = new Map<string, FcFunction>();
  for (const region of fleet.regions())
    for (const stored of fleet.region(region)?.scan(undefined) ?? [])
      out.set(`${region}/${stored.fn.functionName}`, structuredClone(stored.fn));
  return out;
}

const changedKeys = (a: FcFunction, b: FcFunction) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort();
const tagValue = (fn: FcFunction, key: string) => fn.tags?.find((t) => t.Key === key)?.Value;
const MEMORY = [128, 256, 512, 1024, 2048, 3072, 4096, 8192, 16_384, 32_768];

/** Checks that the one edit the schedule reported is the change it names, and nothing else. */
function checkEdit(kind: keyof typeof DEMO_EDITS, before: FcFunction, after: FcFunction, at: string) {
  const keys = changedKeys(before, after).filter((k) => k !== 'lastModifiedTime');
  const field = DEMO_EDITS[kind].field;
  expect(keys, kind).toEqual(kind === 'memory' ? expect.arrayContaining([field]) : [field]);
  if (kind === 'memory') expect(keys.every((k) => k === 'memorySize' || k === 'cpu')).toBe(true);
  // FC 3.0: tags are their own resource and leave lastModifiedTime alone; every other edit sets it.
  expect(after.lastModifiedTime, kind).toBe(kind === 'tags' ? before.lastModifiedTime : at);
  const env = (fn: FcFunction) => fn.environmentVariables ?? {};
  switch (kind) {
    case 'memory':
      expect(Math.abs(MEMORY.indexOf(after.memorySize ?? 0) - MEMORY.indexOf(before.memorySize ?? 0))).toBe(
        1,
      );
      break;
    case 'runtime':
      expect(after.runtime).toBe(RUNTIME_UPGRADES[before.runtime ?? '']);
      break;
    case 'env-added':
      expect(Object.keys(env(after)).length).toBe(Object.keys(env(before)).length + 1);
      break;
    case 'env-removed':
      expect(Object.keys(env(after)).length).toBe(Object.keys(env(before)).length - 1);
      break;
    case 'env-changed':
      expect(Object.keys(env(after)).sort()).toEqual(Object.keys(env(before)).sort());
      break;
    case 'tags':
      expect(['team', 'env'].some((k) => tagValue(after, k) !== tagValue(before, k))).toBe(true);
      break;
    case 'image': {
      const repo = (image?: string | null) => image?.slice(0, image.lastIndexOf(':'));
      expect(repo(after.customContainerConfig?.image)).toBe(repo(before.customContainerConfig?.image));
      expect(after.customContainerConfig?.resolvedImageUri).not.toBe(
        before.customContainerConfig?.resolvedImageUri,
      );
      break;
    }
    case 'layer': {
      const versions = (fn: FcFunction) =>
        (fn.layers ?? []).map((l) => Number(/\d+$/.exec(l.arn ?? '')?.[0]));
      const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
      expect(sum(versions(after)) > sum(versions(before)) || (before.layers ?? []).length === 0).toBe(true);
      break;
    }
    default:
      break;
  }
}

describe('createDemoChurn', () => {
  it('makes every kind of change, each one exactly what it says', () => {
    const fleet = fleetOf();
    let clock = Date.UTC(2026, 10, 28, 12, 0, 0);
    const churn = createDemoChurn(fleet, { seed: 's1', now: () => clock });
    const seen = new Map<DemoChangeKind, number>();
    for (let i = 0; i < 600; i++) {
      clock += 1000;
      const at = new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const before = snapshot(fleet);
      const made = churn.change();
      const after = snapshot(fleet);
      if (!made) {
        expect(after).toEqual(before);
        continue;
      }
      seen.set(made.kind, (seen.get(made.kind) ?? 0) + 1);
      const key = `${made.region}/${made.name}`;
      const touched = [...new Set([...before.keys(), ...after.keys()])].filter(
        (k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)),
      );
      expect(touched, made.kind).toEqual([key]);
      const was = before.get(key);
      const now = after.get(key);
      if (made.kind === 'create') {
        expect(was).toBeUndefined();
        expect(now).toMatchObject({ createdTime: at, lastModifiedTime: at, functionName: made.name });
      } else if (made.kind === 'delete') {
        expect(was).toBeDefined();
        expect(now).toBeUndefined();
      } else {
        if (!was || !now) throw new Error(`${made.kind} of ${key} lost the function`);
        checkEdit(made.kind, was, now, at);
      }
      if (now) expect(functionSchema.safeParse(now).success, key).toBe(true);
    }
    const kinds: DemoChangeKind[] = [...(Object.keys(DEMO_EDITS) as DemoChangeKind[]), 'create', 'delete'];
    expect(kinds.filter((kind) => !seen.has(kind))).toEqual([]);
  });

  it('makes the same changes from the same seed, and others from another seed', () => {
    const run = (seed: string) => {
      const fleet = fleetOf();
      const churn = createDemoChurn(fleet, { seed, now: () => Date.UTC(2026, 10, 28) });
      const changes: DemoChange[] = [];
      for (let i = 0; i < 40; i++) changes.push(...churn.tick());
      return { changes, fleet: JSON.stringify([...snapshot(fleet)]) };
    };
    const a = run('same');
    expect(run('same')).toEqual(a);
    expect(run('other').changes).not.toEqual(a.changes);
    expect(a.changes.length).toBeGreaterThan(40 * 3 * 0.8);
  });

  it('makes a few changes per tick, spread over the regions', () => {
    const churn = createDemoChurn(fleetOf(), { seed: 'ticks', perTick: [3, 8] });
    const sizes: number[] = [];
    const regions = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const made = churn.tick();
      sizes.push(made.length);
      for (const change of made) regions.add(change.region);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    expect(sizes.filter((n) => n >= 3).length).toBeGreaterThan(40);
    expect([...regions].sort()).toEqual([...REGIONS].sort());
  });
});
