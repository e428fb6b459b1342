import {
  type ChangeEvent,
  type InsightPick,
  type InsightsAnswer,
  LIFECYCLE_STATUSES,
  lifecycleOf,
  pickParams,
} from '@fc-fleet/fleet-contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollAll } from '../test-support/test-app.ts';
import {
  accelerationOf,
  createTwoAccountApp,
  type FleetFunction,
  tagOf,
} from '../test-support/two-account-fleet.ts';

// Insights against a count made here from the emulators' fleets by code that shares nothing with
// the index, and every number against the rows the table lists for its link.
type Raw = FleetFunction;

const inVpc = (r: Raw) => Boolean(r.stored.fn.vpcConfig?.vpcId);

/**
 * Each view: its query string and which functions of the two fleets it holds. The first two are
 * counted from the kept counts (place and memory filters only), the others by reading rows.
 */
const VIEWS: [string, (r: Raw) => boolean][] = [
  ['region=all', (r) => r.account === 'test'],
  [
    'account=all&region=cn-hangzhou,cn-shenzhen&memoryMin=1024',
    (r) => ['cn-hangzhou', 'cn-shenzhen'].includes(r.region) && (r.stored.fn.memorySize ?? 0) >= 1024,
  ],
  ['account=all&region=all&has=gpu', (r) => Boolean(r.stored.fn.gpuConfig?.gpuType)],
  [
    'account=all&region=cn-hangzhou&lifecycle=eol&memoryMin=512',
    (r) =>
      r.region === 'cn-hangzhou' &&
      lifecycleOf(r.stored.fn.runtime, new Date()).status === 'eol' &&
      (r.stored.fn.memorySize ?? 0) >= 512,
  ],
];

function tally<V>(rows: readonly Raw[], keyOf: (r: Raw) => V): Map<V, number> {
  const counts = new Map<V, number>();
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  return counts;
}
const asMap = <V>(counts: readonly { value: V; count: number }[]) =>
  new Map(counts.map((c) => [c.value, c.count]));
const sum = (rows: readonly Raw[], of: (r: Raw) => number | null | undefined) =>
  rows.reduce((total, r) => total + (of(r) ?? 0), 0);

/** Every number of the page with the narrowing its link applies (the page's chart elements). */
function picksOf(a: InsightsAnswer): [string, number, InsightPick][] {
  const out: [string, number, InsightPick][] = [['total', a.total, { kind: 'view' }]];
  for (const c of a.byRuntime)
    if (c.value !== null) out.push([`runtime ${c.value}`, c.count, { kind: 'runtime', runtime: c.value }]);
  for (const c of a.byLifecycle)
    out.push([`lifecycle ${c.value}`, c.count, { kind: 'lifecycle', lifecycle: c.value }]);
  for (const c of a.byRegion) out.push([`region ${c.value}`, c.count, { kind: 'region', region: c.value }]);
  for (const c of a.byAccount)
    out.push([`account ${c.value}`, c.count, { kind: 'account', account: c.value, regions: c.regions }]);
  for (const key of ['env', 'team'] as const)
    for (const c of a.byTag[key])
      out.push([`${key} ${c.value}`, c.count, { kind: 'tag', key, value: c.value }]);
  for (const c of a.byMemory)
    if (c.value !== null) out.push([`memory ${c.value}`, c.count, { kind: 'memory', memorySize: c.value }]);
  for (const g of a.gpu)
    out.push([
      `gpu ${g.gpuType} ${g.region}`,
      g.functions,
      { kind: 'gpu', gpuType: g.gpuType, region: g.region },
    ]);
  out.push(['internet', a.network.internet, { kind: 'internet', withoutVpc: false }]);
  out.push(['internet without vpc', a.network.internetWithoutVpc, { kind: 'internet', withoutVpc: true }]);
  out.push(['without vpc', a.network.withoutVpc, { kind: 'withoutVpc' }]);
  out.push(['nas', a.network.nas, { kind: 'has', has: 'nas' }]);
  out.push(['oss', a.network.oss, { kind: 'has', has: 'oss' }]);
  for (const c of a.byAcceleration)
    out.push([`acceleration ${c.value}`, c.count, { kind: 'acceleration', state: c.value }]);
  // A zero is shown without a link (see InsightsAnswer).
  return out.filter(([, count]) => count > 0);
}

describe('GET /api/insights', () => {
  const { t, all } = createTwoAccountApp({ test: 500, second: 300 });

  beforeAll(async () => {
    await t.ready();
    // A second pass over an edited fleet, so today has events of every kind.
    const [a, b] = [...(t.emulator.fleet.region('cn-hangzhou')?.scan(undefined) ?? [])];
    if (!a || !b) throw new Error('fleet too small');
    t.emulator.putFunction('cn-hangzhou', {
      ...a.fn,
      memorySize: 3072,
      lastModifiedTime: '2026-11-28T01:00:00Z',
    });
    t.emulator.deleteFunction('cn-hangzhou', b.fn.functionName);
    t.emulator.putFunction('cn-hangzhou', {
      functionName: 'zz-insights-new',
      runtime: 'nodejs8',
      memorySize: 512,
    });
    await t.sync.syncAll();
  }, 120_000);

  for (const [query, holds] of VIEWS)
    it(`counts the view as the emulators' fleets have it: ${query}`, async () => {
      const res = await t.get(`/api/insights?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const a = res.body as unknown as InsightsAnswer;
      const rows = all().filter(holds);
      expect(rows.length).toBeGreaterThan(0);
      expect(a.total).toBe(rows.length);
      expect(asMap(a.byRuntime)).toEqual(tally(rows, (r) => r.stored.fn.runtime || null));
      const now = new Date(a.at);
      const statuses = tally(rows, (r) => lifecycleOf(r.stored.fn.runtime, now).status);
      expect(a.byLifecycle.map((c) => c.value)).toEqual([...LIFECYCLE_STATUSES]);
      for (const c of a.byLifecycle) expect(c.count, c.value).toBe(statuses.get(c.value) ?? 0);
      expect(asMap(a.byRegion)).toEqual(tally(rows, (r) => r.region));
      expect(new Map(a.byAccount.map((c) => [c.value, c.count]))).toEqual(tally(rows, (r) => r.account));
      for (const c of a.byAccount)
        expect(c.regions, c.value).toEqual(
          expect.arrayContaining([
            ...new Set(rows.filter((r) => r.account === c.value).map((r) => r.region)),
          ]),
        );
      expect(asMap(a.byTag.env)).toEqual(tally(rows, (r) => tagOf(r, 'env')));
      expect(asMap(a.byTag.team)).toEqual(tally(rows, (r) => tagOf(r, 'team')));
      expect(asMap(a.byMemory)).toEqual(tally(rows, (r) => r.stored.fn.memorySize ?? null));
      const gpus = rows.filter((r) => r.stored.fn.gpuConfig?.gpuType);
      expect(a.gpu.map((g) => [`${g.gpuType} ${g.region}`, g.functions, g.gpuMemoryMb])).toEqual(
        [...tally(gpus, (r) => `${r.stored.fn.gpuConfig?.gpuType} ${r.region}`)]
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([key, n]) => [
            key,
            n,
            sum(
              gpus.filter((r) => `${r.stored.fn.gpuConfig?.gpuType} ${r.region}` === key),
              (r) => r.stored.fn.gpuConfig?.gpuMemorySize,
            ),
          ]),
      );
      expect(a.resources.memoryMb).toBe(sum(rows, (r) => r.stored.fn.memorySize));
      expect(a.resources.vcpu).toBeCloseTo(
        sum(rows, (r) => r.stored.fn.cpu),
        3,
      );
      expect(a.resources.gpuMemoryMb).toBe(sum(rows, (r) => r.stored.fn.gpuConfig?.gpuMemorySize));
      const internet = (r: Raw) => r.stored.fn.internetAccess ?? true;
      expect(a.network).toEqual({
        internet: rows.filter(internet).length,
        internetWithoutVpc: rows.filter((r) => internet(r) && !inVpc(r)).length,
        withoutVpc: rows.filter((r) => !inVpc(r)).length,
        nas: rows.filter((r) => r.stored.fn.nasConfig?.mountPoints?.length).length,
        oss: rows.filter((r) => r.stored.fn.ossMountConfig?.mountPoints?.length).length,
      });
      const containers = rows.filter((r) => accelerationOf(r) !== null);
      expect(asMap(a.byAcceleration)).toEqual(tally(containers, accelerationOf));
    });

  for (const [query] of VIEWS)
    it(`every number equals the rows its link lists: ${query}`, async () => {
      const a = (await t.get(`/api/insights?${query}`)).body as unknown as InsightsAnswer;
      const picks = picksOf(a);
      expect(picks.length).toBeGreaterThan(10);
      for (const [label, count, pick] of picks) {
        const params = pickParams(new URLSearchParams(query), pick);
        const { rows } = await scrollAll(t.get, params.toString());
        expect(rows.length, `${label} -> ${params}`).toBe(count);
      }
    });

  it('counts the events of each of the last 30 days as the Changes page lists them', async () => {
    const query = 'account=all&region=all';
    const a = (await t.get(`/api/insights?${query}`)).body as unknown as InsightsAnswer;
    expect(a.changesPerDay).toHaveLength(30);
    const today = a.changesPerDay.at(-1);
    expect(today?.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today).toMatchObject({ created: 1, modified: 1, deleted: 1 });
    for (const day of a.changesPerDay.filter((d) => d.created + d.modified + d.deleted > 0)) {
      const next = new Date(Date.parse(day.day) + 86_400_000).toISOString().slice(0, 10);
      const res = await t.get(`/api/changes?${query}&since=${day.day}&until=${next}&limit=100`);
      const events = res.body.changes as ChangeEvent[];
      for (const kind of ['created', 'modified', 'deleted'] as const)
        expect(events.filter((e) => e.kind === kind).length, `${day.day} ${kind}`).toBe(day[kind]);
    }
    // Under a filter only the events of functions the view shows now: the new nodejs8 function.
    const deprecated = (await t.get(`/api/insights?${query}&lifecycle=deprecated`))
      .body as unknown as InsightsAnswer;
    expect(deprecated.changesPerDay.at(-1)).toMatchObject({ created: 1, modified: 0, deleted: 0 });
  });

  it('answers bad parameters with 400 and the parameter named', async () => {
    for (const [query, mention] of [
      ['lifecycle=retired', 'lifecycle'],
      ['lacks=wings', 'lacks'],
      ['limit=5', 'limit'],
      ['region=mars-1', 'mars-1'],
    ]) {
      const res = await t.get(`/api/insights?${query}`);
      expect(res.status, query).toBe(400);
      expect(String(res.body.message)).toContain(mention);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    }
  });
});
