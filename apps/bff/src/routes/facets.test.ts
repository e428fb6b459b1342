import { FACET_NAMES, type FacetName, lifecycleOf } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { scrollAll } from '../test-support/test-app.ts';
import {
  accelerationOf,
  createTwoAccountApp,
  type FleetFunction,
  tagOf,
} from '../test-support/two-account-fleet.ts';

// Counts are checked against a count made here from the emulator's fleets, by code that shares
// nothing with the index: each facet under every filter of the view but its own.
type Raw = FleetFunction;
type Value = string | boolean | null;

const FEATURES: Record<string, (r: Raw) => boolean> = {
  vpc: (r) => Boolean(r.stored.fn.vpcConfig?.vpcId),
  nas: (r) => Boolean(r.stored.fn.nasConfig?.mountPoints?.length),
  oss: (r) => Boolean(r.stored.fn.ossMountConfig?.mountPoints?.length),
  gpu: (r) => Boolean(r.stored.fn.gpuConfig?.gpuType),
  container: (r) => Boolean(r.stored.fn.customContainerConfig?.image),
  layers: (r) => Boolean(r.stored.fn.layers?.length),
  tracing: (r) => Boolean(r.stored.fn.tracingConfig?.type),
  logs: (r) => Boolean(r.stored.fn.logConfig?.project && r.stored.fn.logConfig.logstore),
};
/** The values a function has for each facet (`has` has several). */
const VALUES: Record<FacetName, (r: Raw) => Value[]> = {
  runtime: (r) => [r.stored.fn.runtime || null],
  gpuType: (r) => [r.stored.fn.gpuConfig?.gpuType || null],
  region: (r) => [r.region],
  account: (r) => [r.account],
  fcVersion: (r) => [r.stored.fcVersion],
  vpcId: (r) => [r.stored.fn.vpcConfig?.vpcId || null],
  internetAccess: (r) => [r.stored.fn.internetAccess ?? true],
  env: (r) => [tagOf(r, 'env')],
  team: (r) => [tagOf(r, 'team')],
  has: (r) => Object.keys(FEATURES).filter((f) => FEATURES[f]?.(r)),
  lifecycle: (r) => [lifecycleOf(r.stored.fn.runtime, new Date()).status],
};
const lifecycleIs = (status: string) => (r: Raw) => VALUES.lifecycle(r)[0] === status;

/** A view: its query string and, per facet it filters on, the condition (`other`: filters with no facet). */
type View = [string, Partial<Record<FacetName | 'other', (r: Raw) => boolean>>];

// `region=all` means the regions of the accounts in view: the account facet counts other accounts there only.
const TEST_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
const inRegions =
  (...regions: string[]) =>
  (r: Raw) =>
    regions.includes(r.region);
const VIEWS: View[] = [
  ['region=all', { account: (r) => r.account === 'test', region: inRegions(...TEST_REGIONS) }],
  [
    'region=all&runtime=nodejs18',
    {
      account: (r) => r.account === 'test',
      region: inRegions(...TEST_REGIONS),
      runtime: (r) => r.stored.fn.runtime === 'nodejs18',
    },
  ],
  [
    'region=cn-hangzhou,cn-beijing&runtime=python3.10&has=vpc&memoryMin=512',
    {
      account: (r) => r.account === 'test',
      region: inRegions('cn-hangzhou', 'cn-beijing'),
      runtime: (r) => r.stored.fn.runtime === 'python3.10',
      has: (r) => FEATURES.vpc?.(r) ?? false,
      other: (r) => (r.stored.fn.memorySize ?? 0) >= 512,
    },
  ],
  [
    'account=all&region=all&tags=env=prod,team=payments&fcVersion=v3',
    {
      env: (r) => tagOf(r, 'env') === 'prod',
      team: (r) => tagOf(r, 'team') === 'payments',
      fcVersion: (r) => r.stored.fcVersion === 'v3',
    },
  ],
  [
    'account=second&region=cn-shenzhen&has=gpu,container&internetAccess=true',
    {
      account: (r) => r.account === 'second',
      region: inRegions('cn-shenzhen'),
      has: (r) => (FEATURES.gpu?.(r) ?? false) && (FEATURES.container?.(r) ?? false),
      internetAccess: (r) => r.stored.fn.internetAccess ?? true,
    },
  ],
  [
    'account=all&region=all&lifecycle=eol&has=vpc',
    { lifecycle: lifecycleIs('eol'), has: (r) => FEATURES.vpc?.(r) ?? false },
  ],
  [
    'region=all&lifecycle=current&runtime=python3.12',
    {
      account: (r) => r.account === 'test',
      region: inRegions(...TEST_REGIONS),
      lifecycle: lifecycleIs('current'),
      runtime: (r) => r.stored.fn.runtime === 'python3.12',
    },
  ],
  ['account=all&region=all&lifecycle=deprecated', { lifecycle: lifecycleIs('deprecated') }],
  [
    'account=all&region=all&internetAccess=true&lacks=vpc,nas&tags=!env',
    {
      internetAccess: (r) => r.stored.fn.internetAccess ?? true,
      other: (r) => !FEATURES.vpc?.(r) && !FEATURES.nas?.(r),
      env: (r) => tagOf(r, 'env') === null,
    },
  ],
  ['account=all&region=all&acceleration=Ready', { other: (r) => accelerationOf(r) === 'Ready' }],
  [
    'account=all&region=cn-hangzhou&prefix=orders-',
    { region: inRegions('cn-hangzhou'), other: (r) => r.stored.fn.functionName.startsWith('orders-') },
  ],
];

/** Counts of one facet's values under every condition of the view but the facet's own. */
function expectedCounts(all: readonly Raw[], view: View[1], facet: FacetName): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of all) {
    const kept = Object.entries(view).every(([name, cond]) => name === facet || (cond?.(r) ?? true));
    if (!kept) continue;
    for (const value of VALUES[facet](r)) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  }
  return counts;
}

describe('GET /api/facets', () => {
  const { t, all } = createTwoAccountApp({ test: 800, second: 500 });

  for (const [query, view] of VIEWS)
    it(`counts every facet as the fleet has it, each under the other filters: ${query}`, async () => {
      const res = await t.get(`/api/facets?${query}`);
      expect(res.status).toBe(200);
      const facets = res.body.facets as Record<FacetName, { value: Value; count: number }[]>;
      expect(Object.keys(facets).sort()).toEqual([...FACET_NAMES].sort());
      for (const facet of FACET_NAMES) {
        expect(new Set(facets[facet].map((v) => v.value)).size, `${facet} values listed once`).toBe(
          facets[facet].length,
        );
        const got = Object.fromEntries(facets[facet].map((v) => [String(v.value), v.count]));
        expect(got, facet).toEqual(expectedCounts(all(), view, facet));
      }
      const total = all().filter((r) => Object.values(view).every((cond) => cond?.(r) ?? true)).length;
      expect(total).toBeGreaterThan(0);
      expect(res.body.total).toBe(total);
      const { rows } = await scrollAll(t.get, query);
      expect(rows.length).toBe(total);
    });

  it('a chosen runtime still shows the other runtimes with their counts under the other filters', async () => {
    const res = await t.get('/api/facets?region=all&runtime=nodejs18&has=vpc');
    const runtimes = (res.body.facets as Record<FacetName, { value: Value; count: number }[]>).runtime;
    expect(runtimes.length).toBeGreaterThan(3);
    const python = runtimes.find((v) => v.value === 'python3.10')?.count;
    const pythonView = await t.get('/api/facets?region=all&runtime=python3.10&has=vpc');
    expect(python).toBe(pythonView.body.total);
    expect(runtimes.find((v) => v.value === 'nodejs18')?.count).toBe(res.body.total);
  });

  it('says how fresh the regions of the view are', async () => {
    const res = await t.get('/api/facets?account=all&region=cn-hangzhou');
    const regions = res.body.regions as { account: string; region: string; state: string }[];
    expect(regions.map((r) => `${r.account}/${r.region}/${r.state}`)).toEqual([
      'test/cn-hangzhou/ready',
      'second/cn-hangzhou/ready',
    ]);
  });

  const bad: [string, string, string][] = [
    ['limit=10', 'InvalidParameter', 'limit'],
    ['sort=name', 'InvalidParameter', 'sort'],
    ['cursor=abc', 'InvalidParameter', 'cursor'],
    ['region=mars-1', 'UnknownRegion', 'mars-1'],
    ['account=nobody', 'UnknownAccount', 'nobody'],
    ['runtime=Python%203', 'InvalidParameter', 'runtime'],
    ['has=cheese', 'InvalidParameter', 'has'],
    ['memoryMin=4096&memoryMax=128', 'InvalidParameter', 'memoryMin'],
    ['tags==prod', 'InvalidParameter', 'tags'],
    ['tags=!env=prod', 'InvalidParameter', 'tags'],
    ['lifecycle=old', 'InvalidParameter', 'lifecycle'],
    ['lacks=cheese', 'InvalidParameter', 'lacks'],
    ['acceleration=Re%20ady', 'InvalidParameter', 'acceleration'],
    ['q=%00', 'InvalidParameter', 'control characters'],
    ['runtime=a&runtime=b', 'InvalidParameter', 'more than once'],
  ];
  for (const [query, code, mention] of bad)
    it(`answers ${query} with 400 ${code}`, async () => {
      const res = await t.get(`/api/facets?${query}`);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(String(res.body.message)).toContain(mention);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    });
});
