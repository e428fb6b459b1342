import { lifecycleOf } from '@fc-fleet/fleet-contract';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { type FunctionRow, functionRow } from '../sync/function-row.ts';
import { createIndexedFleet } from '../test-support/indexed-fleet.ts';
import { storeFactories, storesFor } from '../test-support/store-factories.ts';
import { type FacetName, facetCounts } from './facet-counts.ts';
import type { IndexFilters } from './index-filters.ts';

// The expected counts come from the emulator's functions and a plain JavaScript reading of the
// filters, never from the index's tables.
type Facet = {
  name: FacetName;
  omits: (f: IndexFilters) => IndexFilters;
  values: (r: FunctionRow) => unknown[];
};
const without = (key: keyof IndexFilters) => (f: IndexFilters) => ({ ...f, [key]: undefined });
const withoutTag = (key: string) => (f: IndexFilters) => ({
  ...f,
  tags: f.tags?.filter((t) => t.Key !== key),
});
const FACETS: Facet[] = [
  { name: 'runtime', omits: without('runtime'), values: (r) => [r.runtime] },
  { name: 'gpuType', omits: without('gpuType'), values: (r) => [r.gpu_type] },
  { name: 'region', omits: without('regions'), values: (r) => [r.region] },
  { name: 'account', omits: without('accounts'), values: (r) => [r.account] },
  { name: 'fcVersion', omits: without('fcVersion'), values: (r) => [r.fc_version] },
  { name: 'vpcId', omits: without('vpcId'), values: (r) => [r.vpc_id] },
  { name: 'internetAccess', omits: without('internetAccess'), values: (r) => [r.internet_access ?? true] },
  { name: 'env', omits: withoutTag('env'), values: (r) => [r.tag_env] },
  { name: 'team', omits: withoutTag('team'), values: (r) => [r.tag_team] },
  { name: 'has', omits: without('has'), values: (r) => r.features },
  { name: 'lifecycle', omits: without('lifecycle'), values: (r) => [status(r)] },
];

const status = (r: FunctionRow) => lifecycleOf(r.runtime, new Date()).status;

function tagMatches(r: FunctionRow, t: NonNullable<IndexFilters['tags']>[number]): boolean {
  if (t.Absent) return !r.tags[t.Key];
  return t.Value === undefined ? t.Key in r.tags : r.tags[t.Key] === t.Value;
}

function matches(r: FunctionRow, f: IndexFilters): boolean {
  const text = `${r.search}`;
  return (
    (!f.accounts || f.accounts.includes(r.account)) &&
    (!f.regions || f.regions.includes(r.region)) &&
    (!f.prefix || r.name.startsWith(f.prefix)) &&
    (!f.fcVersion || r.fc_version === f.fcVersion) &&
    (!f.runtime || r.runtime === f.runtime) &&
    (!f.gpuType || r.gpu_type === f.gpuType) &&
    (!f.vpcId || r.vpc_id === f.vpcId) &&
    (!f.q || text.includes(f.q.toLowerCase())) &&
    (f.has ?? []).every((h) => r.features.includes(h)) &&
    (f.internetAccess === undefined || (r.internet_access ?? true) === f.internetAccess) &&
    (f.memoryMin === undefined || (r.memory_size ?? 0) >= f.memoryMin) &&
    (f.memoryMax === undefined || (r.memory_size ?? 0) <= f.memoryMax) &&
    (f.tags ?? []).every((t) => tagMatches(r, t)) &&
    (f.lacks ?? []).every((h) => !r.features.includes(h)) &&
    (!f.lifecycle || status(r) === f.lifecycle) &&
    (!f.acceleration || r.acceleration === f.acceleration)
  );
}

function expectedCounts(rows: FunctionRow[], filters: IndexFilters) {
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts = new Map<unknown, number>();
      for (const row of rows.filter((r) => matches(r, facet.omits(filters))))
        for (const value of facet.values(row)) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [facet.name, counts];
    }),
  );
  return { total: rows.filter((r) => matches(r, filters)).length, facets };
}

async function actualCounts(sql: SqlClient, filters: IndexFilters) {
  const counts = await facetCounts(sql, filters);
  const facets = Object.fromEntries(
    Object.entries(counts.facets).map(([name, values]) => {
      // Each value once: a Map would hide a value listed twice.
      expect(new Set(values.map((v) => v.value)).size, `${name} values listed once`).toBe(values.length);
      return [name, new Map(values.map((v) => [v.value, v.count]))];
    }),
  );
  return { total: counts.total, facets };
}

const rowsOf = (fleet: ReturnType<typeof createIndexedFleet>) =>
  fleet.truth().map((t) => functionRow('demo', t.region, t.fcVersion, projectFunction(t.fn)));

for (const factory of storeFactories()) {
  describe(`facet counts on ${factory.kind}`, () => {
    const fresh = storesFor(factory);

    it('count every facet under every filter but its own, as an independent count does', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      const rows = rowsOf(fleet);
      const vpc = rows.find((r) => r.vpc_id)?.vpc_id ?? 'none';
      const gpu = rows.find((r) => r.gpu_type)?.gpu_type ?? 'none';
      const cases: IndexFilters[] = [
        {},
        { runtime: 'nodejs18' },
        { has: ['vpc'], runtime: 'nodejs18' },
        { regions: ['cn-shanghai'], fcVersion: 'v2' },
        { tags: [{ Key: 'env', Value: 'prod' }, { Key: 'cost-center' }] },
        { tags: [{ Key: 'env' }], internetAccess: false },
        {
          tags: [
            { Key: 'team', Value: 'payments' },
            { Key: 'env', Value: 'staging' },
          ],
          has: ['logs'],
        },
        { q: 'checkout', memoryMin: 1024 },
        { lifecycle: 'eol', has: ['vpc'] },
        { lifecycle: 'current', runtime: 'go1', tags: [{ Key: 'env', Absent: true }] },
        { lifecycle: 'deprecated', regions: ['cn-hangzhou'] },
        { lacks: ['vpc', 'oss'], internetAccess: true, tags: [{ Key: 'cost-center', Absent: true }] },
        { acceleration: 'Ready', has: ['container'] },
        { memoryMin: 1024 },
        { memoryMax: 512, runtime: 'nodejs18' },
        { memoryMin: 0, memoryMax: 0 },
        { internetAccess: false, has: ['gpu', 'vpc'] },
        { has: ['no-such-feature'] },
        { vpcId: vpc, memoryMax: 2048 },
        { accounts: ['demo', 'other'], gpuType: gpu, regions: ['cn-hangzhou', 'cn-beijing'] },
        { prefix: 'pay', runtime: 'no-such-runtime' },
        // As the BFF always asks: every account and region named, which is the whole fleet.
        { accounts: ['demo'], regions: fleet.regions },
        { accounts: ['demo'], regions: fleet.regions, runtime: 'nodejs18', has: ['vpc'] },
        { accounts: ['demo'], regions: ['cn-hangzhou'], tags: [{ Key: 'env', Value: 'prod' }] },
        // Place and memory alone: every facet from the counts kept per account, region and memory.
        { accounts: ['demo'], regions: ['cn-hangzhou', 'cn-beijing'] },
        { regions: ['cn-shanghai'], memoryMax: 1024 },
        { accounts: ['other'], regions: ['cn-shanghai'] },
        { accounts: ['demo', 'other'], regions: [...fleet.regions, 'ap-southeast-1'], memoryMin: 1024 },
      ];
      for (const filters of cases)
        expect(await actualCounts(sql, filters), JSON.stringify(filters)).toEqual(
          expectedCounts(rows, filters),
        );
    });

    it('keep the fleet-wide counts right through edits, deletes and a direct delete', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      const [gone, edited] = fleet.truth().filter((t) => t.region === 'cn-beijing');
      if (!gone || !edited) throw new Error('fleet too small');
      fleet.emulator.deleteFunction('cn-beijing', gone.fn.functionName);
      fleet.emulator.putFunction('cn-beijing', { ...edited.fn, runtime: 'python3.12', vpcConfig: {} });
      fleet.emulator.putFunction('cn-beijing', {
        functionName: 'zz-new',
        runtime: 'go1',
        tags: [{ Key: 'env', Value: 'qa' }],
      });
      await fleet.sync('cn-beijing');
      const victim = fleet.truth().find((t) => t.region === 'cn-shanghai');
      if (!victim) throw new Error('fleet too small');
      // As the drawer's repair does: straight from fleet_function.
      await sql.query("delete from fleet_function where region = 'cn-shanghai' and name = $1", [
        victim.fn.functionName,
      ]);
      const rows = rowsOf(fleet).filter(
        (r) => !(r.region === 'cn-shanghai' && r.name === victim.fn.functionName),
      );
      expect(await actualCounts(sql, {})).toEqual(expectedCounts(rows, {}));
      for (const filters of [
        { runtime: 'go1' },
        { memoryMin: 2048 },
        { memoryMax: 1024, has: ['vpc'] },
        { regions: ['cn-beijing'] },
        { regions: ['cn-shanghai', 'cn-hangzhou'], memoryMin: 512 },
      ])
        expect(await actualCounts(sql, filters), JSON.stringify(filters)).toEqual(
          expectedCounts(rows, filters),
        );
    });
  });
}
