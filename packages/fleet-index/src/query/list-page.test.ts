import type { SortField } from '@fc-fleet/fleet-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { createIndexedFleet } from '../test-support/indexed-fleet.ts';
import { storeFactories } from '../test-support/store-factories.ts';
import type { IndexFilters } from './index-filters.ts';
import { type IndexCursor, listPage } from './list-page.ts';

// A page is found by a walk down the sort index, or by a selection when the walk reads its limit
// without filling the page. Whichever answers, the pages must be the same: walkLimit 0 forces a
// selection for every page, a huge one a walk, and a small one a mix that changes page by page.
async function keysOf(
  sql: SqlClient,
  filters: IndexFilters,
  sort: { field: SortField; dir: 'asc' | 'desc' },
  walkLimit: number,
) {
  const keys: string[] = [];
  let after: IndexCursor | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listPage(sql, { filters, sort, limit: 29, after, walkLimit });
    keys.push(...page.rows.map((r) => `${r.region}/${r.function.functionName}`));
    if (!page.next) return keys;
    after = page.next;
  }
  throw new Error('paging does not end');
}

const CASES: IndexFilters[] = [
  {},
  { runtime: 'nodejs18' },
  { has: ['gpu'] },
  { q: 'checkout', memoryMin: 1024 },
  { memoryMin: 4096, memoryMax: 16_384 },
  { memoryMax: 0 },
  { prefix: 'pay', internetAccess: false },
  { regions: ['cn-shanghai'], tags: [{ Key: 'env', Value: 'prod' }] },
  { tags: [{ Key: 'env' }], has: ['vpc', 'logs'] },
  // As the BFF always asks: every account and region named, the whole fleet, or all but one region.
  { accounts: ['demo'], regions: ['cn-beijing', 'cn-hangzhou', 'cn-shanghai'], runtime: 'nodejs18' },
  { accounts: ['demo'], regions: ['cn-beijing', 'cn-hangzhou'], has: ['vpc'] },
];
const SORTS: { field: SortField; dir: 'asc' | 'desc' }[] = [
  { field: 'name', dir: 'asc' },
  { field: 'memorySize', dir: 'desc' },
  { field: 'runtime', dir: 'asc' },
  { field: 'lastModifiedTime', dir: 'desc' },
  { field: 'codeSize', dir: 'asc' },
  // Most functions have none: a walk of the few with one ends, and the page goes on without one.
  { field: 'lastChange', dir: 'desc' },
  { field: 'lastChange', dir: 'asc' },
];

for (const factory of storeFactories()) {
  describe(`list pages on ${factory.kind}`, () => {
    let sql: SqlClient;
    beforeAll(async () => {
      sql = await factory.open();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 150 } });
      // Functions without a memory size, a code size or a runtime: more than a page of them, so
      // pages also start from a cursor among the rows without a sort value.
      for (let i = 0; i < 45; i++)
        fleet.emulator.putFunction(fleet.regions[i % 3] ?? '', {
          functionName: `bare-${String(i).padStart(2, '0')}`,
        });
      await fleet.sync();
      // A change seen for one function in twelve, some at the same time (ties by key).
      for (const table of ['fleet_function', 'fleet_facet'])
        await sql.query(
          `update ${table} set last_changed_at = timestamptz '2026-11-28 00:00:00+00' + (length(name) % 4) * interval '1 hour'
           where (hashtext(name) % 12) = 0`,
        );
    }, 60_000);
    afterAll(() => sql.close());

    it('are the same whether a walk or a selection finds them', async () => {
      for (const filters of CASES)
        for (const sort of SORTS) {
          const walked = await keysOf(sql, filters, sort, 1_000_000);
          const label = `${JSON.stringify(filters)} by ${sort.field} ${sort.dir}`;
          expect(await keysOf(sql, filters, sort, 0), label).toEqual(walked);
          expect(await keysOf(sql, filters, sort, 7), label).toEqual(walked);
        }
    }, 120_000);

    it('sends the pages after one a selection found straight to a selection, and says so in the cursor', async () => {
      const sort = { field: 'memorySize' as const, dir: 'desc' as const };
      const walked = await listPage(sql, { filters: {}, sort, limit: 29, walkLimit: 1_000_000 });
      expect(walked.next?.selection).toBeUndefined();
      const selected = await listPage(sql, { filters: {}, sort, limit: 29, walkLimit: 0 });
      expect(selected.next?.selection).toBe(true);
      // Asked to walk as far as it likes, the next page still comes from a selection: the same rows.
      const next = await listPage(sql, {
        filters: {},
        sort,
        limit: 29,
        walkLimit: 1_000_000,
        after: selected.next,
      });
      const fromWalk = await listPage(sql, {
        filters: {},
        sort,
        limit: 29,
        walkLimit: 1_000_000,
        after: walked.next,
      });
      expect(next.next?.selection).toBe(true);
      expect(next.rows).toEqual(fromWalk.rows);
    });
  });
}
