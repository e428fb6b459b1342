import { functionSchema, GPU_TYPES } from '@fc-fleet/fc-api';
import { describe, expect, it } from 'vitest';
import { generateRegionFleet } from './generate-fleet.ts';

const options = {
  seed: 'fleet-test',
  accountId: '1234567890123456',
  regions: ['cn-hangzhou'],
  functionsPerRegion: 1500,
};
const functions = () => [...generateRegionFleet(options, 'cn-hangzhou').scan(undefined)];

describe('generated fleet', () => {
  it('is deterministic from the seed and differs with another seed or region', () => {
    const a = functions();
    const b = functions();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const other = [...generateRegionFleet({ ...options, seed: 'other' }, 'cn-hangzhou').scan(undefined)];
    expect(other.map((s) => s.fn.functionName)).not.toEqual(a.map((s) => s.fn.functionName));
    const shanghai = [...generateRegionFleet(options, 'cn-shanghai').scan(undefined)];
    expect(shanghai[0]?.fn.functionArn).toMatch(/^acs:fc:cn-shanghai:1234567890123456:functions\//);
  });

  it('produces objects that match the FC 3.0 schema, with unique names in name order', () => {
    const all = functions();
    expect(all.length).toBe(1500);
    const names = all.map((s) => s.fn.functionName);
    expect(new Set(names).size).toBe(1500);
    expect(names).toEqual([...names].sort());
    for (const { fn } of all) expect(functionSchema.safeParse(fn).success).toBe(true);
    expect(
      names.filter((n) => /^[a-z]+-[a-z]+-[a-z]+-(prod|staging|dev|test|canary)(-\d+)?$/.test(n)).length,
    ).toBeGreaterThan(1400);
  });

  it('has every config kind at a realistic frequency', () => {
    const all = functions().map((s) => s.fn);
    const share = (pred: (fn: (typeof all)[number]) => boolean) => all.filter(pred).length / all.length;
    const between = (value: number, lo: number, hi: number) => {
      expect(value).toBeGreaterThanOrEqual(lo);
      expect(value).toBeLessThanOrEqual(hi);
    };
    between(
      share((f) => Boolean(f.vpcConfig?.vpcId)),
      0.35,
      0.55,
    );
    between(
      share((f) => Boolean(f.nasConfig?.mountPoints?.length)),
      0.06,
      0.2,
    );
    between(
      share((f) => Boolean(f.ossMountConfig?.mountPoints?.length)),
      0.05,
      0.15,
    );
    between(
      share((f) => f.runtime === 'custom-container'),
      0.08,
      0.18,
    );
    between(
      share((f) => Boolean(f.gpuConfig)),
      0.02,
      0.08,
    );
    between(
      share((f) => Boolean(f.layers?.length)),
      0.1,
      0.3,
    );
    between(
      share((f) => Boolean(f.logConfig?.project)),
      0.55,
      0.8,
    );
    between(
      share((f) => Boolean(f.tracingConfig?.type)),
      0.08,
      0.25,
    );
    between(
      share((f) => Boolean(f.instanceLifecycleConfig)),
      0.08,
      0.25,
    );
    between(
      share((f) => Boolean(f.customDNS)),
      0.01,
      0.08,
    );
    between(
      share((f) => Boolean(f.customRuntimeConfig)),
      0.04,
      0.15,
    );
    between(
      share((f) => Boolean(f.customContainerConfig?.registryConfig?.authConfig?.password)),
      0.005,
      0.06,
    );
    between(
      share((f) => Object.keys(f.environmentVariables ?? {}).some((k) => /PASSWORD|SECRET|KEY|AUTH/.test(k))),
      0.15,
      0.45,
    );
    between(
      share((f) => Boolean(f.tags?.length)),
      0.55,
      0.85,
    );
    between(
      share((f) => Boolean(f.resourceGroupId)),
      0.6,
      0.9,
    );
    const gpuTypes = new Set(all.map((f) => f.gpuConfig?.gpuType).filter(Boolean));
    expect(gpuTypes.size).toBeGreaterThanOrEqual(4);
  });

  it('shares VPCs and security groups across many functions, like a real account', () => {
    const all = functions().map((s) => s.fn);
    const perVpc = new Map<string, number>();
    for (const f of all)
      if (f.vpcConfig?.vpcId) perVpc.set(f.vpcConfig.vpcId, (perVpc.get(f.vpcConfig.vpcId) ?? 0) + 1);
    expect(perVpc.size).toBeGreaterThanOrEqual(5);
    expect(Math.min(...perVpc.values())).toBeGreaterThan(30);
    const groups = new Set(all.map((f) => f.vpcConfig?.securityGroupId).filter(Boolean));
    expect(groups.size).toBeLessThan(30);
  });

  it('covers every GPU type, FC 2.0 functions and the odd ones across a larger region', () => {
    const fleet = [
      ...generateRegionFleet({ ...options, functionsPerRegion: 12_000 }, 'cn-hangzhou').scan(undefined),
    ];
    const gpuTypes = new Set(fleet.map((s) => s.fn.gpuConfig?.gpuType).filter(Boolean));
    for (const { type } of GPU_TYPES) expect(gpuTypes).toContain(type);
    expect(fleet.filter((s) => s.fcVersion === 'v2').length).toBeGreaterThan(500);
    expect(fleet.some((s) => s.fn.functionName.length > 100)).toBe(true);
    expect(
      fleet.some((s) => [...(s.fn.description ?? '')].some((ch) => (ch.codePointAt(0) ?? 0) > 127)),
    ).toBe(true);
    expect(fleet.some((s) => s.fn.vpcConfig?.vpcId === '' && s.fn.nasConfig?.mountPoints?.length === 0)).toBe(
      true,
    );
    expect(fleet.some((s) => s.fn.juiceFsConfig?.mountPoints?.[0]?.token)).toBe(true);
    expect(fleet.some((s) => s.fn.polarFsConfig)).toBe(true);
    expect(
      new Set(fleet.map((s) => s.fn.customContainerConfig?.accelerationInfo?.status).filter(Boolean)).size,
    ).toBe(4);
    expect(new Set(fleet.map((s) => s.status.state))).toEqual(new Set(['Active', 'Pending', 'Failed']));
  });

  it('scales to 100,000 functions in a region', () => {
    const fleet = generateRegionFleet({ ...options, functionsPerRegion: 100_000 }, 'cn-hangzhou');
    expect(fleet.size).toBe(100_000);
    const names = fleet.allNames();
    expect(new Set(names).size).toBe(100_000);
  });
});
