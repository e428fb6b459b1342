import type { FcFunction } from '@fc-fleet/fc-api';
import { PLANTED_SECRET } from '@fc-fleet/fc-emulator';
import type { SortField } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import type { SqlClient } from './db/sql-client.ts';
import { facetCounts } from './query/facet-counts.ts';
import type { IndexFilters } from './query/index-filters.ts';
import { type IndexCursor, listPage } from './query/list-page.ts';
import { createIndexedFleet } from './test-support/indexed-fleet.ts';
import { storeFactories, storesFor } from './test-support/store-factories.ts';

type Truth = ReturnType<ReturnType<typeof createIndexedFleet>['truth']>[number];

/** Reads every page of a view and returns the row keys in order. */
async function readAll(
  sql: SqlClient,
  filters: IndexFilters,
  sort: { field: SortField; dir: 'asc' | 'desc' },
  limit = 37,
) {
  const keys: string[] = [];
  let after: IndexCursor | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await listPage(sql, { filters, sort, limit, after });
    if (page.next) expect(page.rows.length).toBe(limit);
    keys.push(...page.rows.map((r) => `${r.account}/${r.region}/${r.function.functionName}`));
    if (!page.next) return keys;
    after = page.next;
  }
  throw new Error('paging does not end');
}

// The expected answers are computed here from the emulator's raw functions, not from the index's rows.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (t: Truth) => `demo/${t.region}/${t.fn.functionName}`;
const SORT_VALUE: Record<SortField, (fn: FcFunction) => string | number | undefined> = {
  name: (fn) => fn.functionName,
  runtime: (fn) => fn.runtime ?? undefined,
  memorySize: (fn) => fn.memorySize ?? undefined,
  timeout: (fn) => fn.timeout ?? undefined,
  codeSize: (fn) => fn.codeSize ?? undefined,
  createdTime: (fn) => (fn.createdTime ? Date.parse(fn.createdTime) : undefined),
  lastModifiedTime: (fn) => (fn.lastModifiedTime ? Date.parse(fn.lastModifiedTime) : undefined),
  // Only passes that see a change set it; these views are read after one pass, so no function has one.
  lastChange: () => undefined,
};
function expectedOrder(rows: Truth[], field: SortField, dir: 'asc' | 'desc'): string[] {
  const sign = dir === 'desc' ? -1 : 1;
  const tie = (a: Truth, b: Truth) =>
    byCodePoint(a.region, b.region) || byCodePoint(a.fn.functionName, b.fn.functionName);
  const withValue = rows.filter((r) => SORT_VALUE[field](r.fn) !== undefined);
  const without = rows.filter((r) => SORT_VALUE[field](r.fn) === undefined).sort(tie);
  withValue.sort((a, b) => {
    const av = SORT_VALUE[field](a.fn) ?? 0;
    const bv = SORT_VALUE[field](b.fn) ?? 0;
    const order =
      typeof av === 'number' && typeof bv === 'number' ? av - bv : byCodePoint(String(av), String(bv));
    if (field === 'name') return sign * (order || byCodePoint(a.region, b.region));
    return sign * (order || tie(a, b));
  });
  return [...withValue, ...without].map(key);
}

const FILTER_CASES: [string, IndexFilters, (t: Truth) => boolean][] = [
  ['runtime', { runtime: 'nodejs18' }, (t) => t.fn.runtime === 'nodejs18'],
  [
    'has gpu + vpc',
    { has: ['gpu', 'vpc'] },
    (t) => Boolean(t.fn.gpuConfig?.gpuType && t.fn.vpcConfig?.vpcId),
  ],
  [
    'q',
    { q: 'CHECKOUT' },
    (t) =>
      `${t.fn.functionName}\n${t.fn.description ?? ''}\n${t.fn.functionArn ?? ''}`
        .toLowerCase()
        .includes('checkout'),
  ],
  ['q with a wildcard', { q: '%_' }, (t) => `${t.fn.functionName}${t.fn.description ?? ''}`.includes('%_')],
  ['prefix', { prefix: 'pay' }, (t) => t.fn.functionName.startsWith('pay')],
  [
    'memory range, no internet',
    { memoryMin: 1024, memoryMax: 4096, internetAccess: false },
    (t) =>
      (t.fn.memorySize ?? 0) >= 1024 &&
      (t.fn.memorySize ?? 0) <= 4096 &&
      (t.fn.internetAccess ?? true) === false,
  ],
  [
    'region + fcVersion',
    { regions: ['cn-shanghai'], fcVersion: 'v2' },
    (t) => t.region === 'cn-shanghai' && t.fcVersion === 'v2',
  ],
  [
    'tags',
    { tags: [{ Key: 'env', Value: 'prod' }, { Key: 'cost-center' }] },
    (t) =>
      (t.fn.tags ?? []).some((g) => g.Key === 'env' && g.Value === 'prod') &&
      (t.fn.tags ?? []).some((g) => g.Key === 'cost-center'),
  ],
];

for (const factory of storeFactories()) {
  describe(`fleet index on ${factory.kind}`, () => {
    const fresh = storesFor(factory);

    it('indexes every function once, and a second pass over an unchanged fleet writes nothing', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      const first = await fleet.sync();
      expect(first.every((r) => r.complete)).toBe(true);
      expect(first.reduce((n, r) => n + r.written, 0)).toBe(fleet.truth().length);
      const second = await fleet.sync();
      expect(second.map((r) => [r.complete, r.written, r.deleted])).toEqual(
        fleet.regions.map(() => [true, 0, 0]),
      );
      const all = await readAll(sql, {}, { field: 'name', dir: 'asc' });
      expect(all).toEqual(expectedOrder(fleet.truth(), 'name', 'asc'));
    });

    it('answers every sort, both ways, in the order an independent sort of the fleet gives', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      for (const field of [
        'name',
        'runtime',
        'memorySize',
        'timeout',
        'codeSize',
        'createdTime',
        'lastModifiedTime',
      ] as const)
        for (const dir of ['asc', 'desc'] as const)
          expect(await readAll(sql, {}, { field, dir }, 101), `${field}:${dir}`).toEqual(
            expectedOrder(fleet.truth(), field, dir),
          );
    });

    it('filters and facet counts agree with an independent count over the fleet', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      for (const [name, filters, keep] of FILTER_CASES) {
        const expected = expectedOrder(fleet.truth().filter(keep), 'memorySize', 'desc');
        expect(await readAll(sql, filters, { field: 'memorySize', dir: 'desc' }), name).toEqual(expected);
        const counts = await facetCounts(sql, filters);
        expect(counts.total, name).toBe(expected.length);
      }
      const counts = await facetCounts(sql, { has: ['vpc'], runtime: 'nodejs18' });
      const vpc = fleet.truth().filter((t) => t.fn.vpcConfig?.vpcId);
      // The runtime facet ignores its own filter: every runtime of the VPC functions, counted.
      const runtimes = new Map<string | null, number>();
      for (const t of vpc) runtimes.set(t.fn.runtime ?? null, (runtimes.get(t.fn.runtime ?? null) ?? 0) + 1);
      expect(new Map(counts.facets.runtime.map((v) => [v.value as string | null, v.count]))).toEqual(
        runtimes,
      );
      const inView = vpc.filter((t) => t.fn.runtime === 'nodejs18');
      expect(counts.total).toBe(inView.length);
      expect(counts.facets.region.reduce((n, v) => n + v.count, 0)).toBe(inView.length);
    });

    it('reflects creates, edits and deletes after one pass; a failed pass deletes nothing', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      const [victim, edited] = fleet.truth().filter((t) => t.region === 'cn-hangzhou');
      if (!victim || !edited) throw new Error('fleet too small');
      fleet.emulator.deleteFunction('cn-hangzhou', victim.fn.functionName);
      fleet.emulator.putFunction('cn-hangzhou', { ...edited.fn, memorySize: 131_072 });
      fleet.emulator.putFunction('cn-hangzhou', {
        functionName: 'zz-new-function',
        runtime: 'python3.12',
        memorySize: 512,
      });
      fleet.emulator.setFaults({ serverErrorRate: 1 });
      const failed = await fleet.sync('cn-hangzhou');
      expect(failed[0]?.complete).toBe(false);
      expect((await readAll(sql, { regions: ['cn-hangzhou'] }, { field: 'name', dir: 'asc' })).length).toBe(
        400,
      );
      const { rows } = await sql.query<{ state: string; last_error_code: string }>(
        "select state, last_error_code from fleet_region where region = 'cn-hangzhou'",
      );
      expect(rows[0]?.state).toBe('failed');
      fleet.emulator.setFaults({});
      const [report] = await fleet.sync('cn-hangzhou');
      expect(report).toMatchObject({ complete: true, written: 2, deleted: 1 });
      const hz = await readAll(sql, { regions: ['cn-hangzhou'] }, { field: 'name', dir: 'asc' });
      expect(hz).toEqual(
        expectedOrder(
          fleet.truth().filter((t) => t.region === 'cn-hangzhou'),
          'name',
          'asc',
        ),
      );
      const top = await listPage(sql, {
        filters: { regions: ['cn-hangzhou'] },
        sort: { field: 'memorySize', dir: 'desc' },
        limit: 1,
      });
      expect(top.rows[0]?.function.functionName).toBe(edited.fn.functionName);
    });

    it('keeps pages apart while the fleet changes between them', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      const first = await listPage(sql, {
        filters: {},
        sort: { field: 'memorySize', dir: 'asc' },
        limit: 100,
      });
      // Everything already read is deleted and new small functions appear before the cursor.
      for (const row of first.rows) fleet.emulator.deleteFunction(row.region, row.function.functionName);
      fleet.emulator.putFunction('cn-beijing', { functionName: 'aa-tiny', memorySize: 64 });
      await fleet.sync();
      const rest = await listPage(sql, {
        filters: {},
        sort: { field: 'memorySize', dir: 'asc' },
        limit: 100,
        after: first.next,
      });
      const seen = new Set(first.rows.map((r) => r.function.functionName));
      expect(rest.rows.filter((r) => seen.has(r.function.functionName))).toEqual([]);
      expect(rest.rows.map((r) => r.function.functionName)).not.toContain('aa-tiny');
    });

    it('holds no secret: planted values are absent from every table', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql);
      await fleet.sync();
      const planted = new Set<string>();
      for (const { fn } of fleet.truth()) {
        for (const value of Object.values(fn.environmentVariables ?? {}))
          if (value.length >= 12) planted.add(value);
        for (const match of JSON.stringify(fn).match(PLANTED_SECRET) ?? []) planted.add(match);
        const password = fn.customContainerConfig?.registryConfig?.authConfig?.password;
        if (password) planted.add(password);
      }
      expect(planted.size).toBeGreaterThan(100);
      const dump: string[] = [];
      for (const table of ['fleet_function', 'fleet_function_view', 'fleet_region'])
        for (const row of (await sql.query(`select * from ${table}`)).rows) dump.push(JSON.stringify(row));
      const text = dump.join('\n');
      expect([...planted].filter((secret) => text.includes(secret))).toEqual([]);
    });
  });
}
