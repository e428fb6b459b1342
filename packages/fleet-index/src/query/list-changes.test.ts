import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { storeFactories } from '../test-support/store-factories.ts';
import { type ChangeFilters, listChanges } from './list-changes.ts';

// The two ways listChanges reads besides the plain walk by id: a field filter (the newest events
// by id, then the rest through the GIN index) and `until` (starting below the first event seen a
// day later). Both must give exactly the pages a plain filter-and-sort gives.

const BASE = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;
interface Event {
  id: number;
  name: string;
  fields: string[];
  seenAt: number;
}
// 80 events an hour apart over more than three days; every ninth touched nasConfig; event 13 was
// seen three hours before event 12 (writers' clocks disagree, well within a day).
const EVENTS: Event[] = Array.from({ length: 80 }, (_, i) => {
  const id = i + 1;
  return {
    id,
    name: `fn-${id % 7}`,
    fields: id % 9 === 0 ? ['nasConfig', 'memorySize'] : ['memorySize'],
    seenAt: BASE + (id === 13 ? 9 : id) * HOUR,
  };
});

/** What a page sequence must hold: the events that pass the filters, newest id first. */
function expected(f: ChangeFilters): string[] {
  return EVENTS.filter(
    (e) =>
      (!f.fields || e.fields.some((x) => f.fields?.includes(x as never))) &&
      (!f.name || e.name === f.name) &&
      (!f.since || e.seenAt >= f.since.getTime()) &&
      (!f.until || e.seenAt < f.until.getTime()),
  )
    .map((e) => String(e.id))
    .reverse();
}

async function everyPage(sql: SqlClient, filters: ChangeFilters, recentEvents?: number): Promise<string[]> {
  const ids: string[] = [];
  let afterId: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listChanges(sql, { filters, limit: 3, afterId, recentEvents });
    ids.push(...page.events.map((e) => e.id));
    if (!page.nextId) return ids;
    afterId = page.nextId;
  }
  throw new Error('paging did not end');
}

for (const factory of storeFactories()) {
  describe(`listChanges on ${factory.kind}`, () => {
    let sql: SqlClient;
    beforeAll(async () => {
      sql = await factory.open();
      await sql.query(
        `insert into fleet_change (account, region, name, kind, seen_at, pass_started_at, fields)
         select 'a', 'cn-hangzhou', e.name, 'modified', e.seen_at, e.seen_at, e.fields
         from json_to_recordset($1::json) as e (n int, name text, seen_at timestamptz, fields text[]) order by e.n`,
        [
          JSON.stringify(
            EVENTS.map((e) => ({
              n: e.id,
              name: e.name,
              seen_at: new Date(e.seenAt).toISOString(),
              fields: e.fields,
            })),
          ),
        ],
      );
      const { rows } = await sql.query<{ ids: string }>(
        "select string_agg(id::text, ',' order by id) as ids from fleet_change",
      );
      expect(rows[0]?.ids).toBe(EVENTS.map((e) => e.id).join(','));
    });
    afterAll(() => sql.close());

    const at = (hours: number) => new Date(BASE + hours * HOUR);
    const cases: [string, ChangeFilters][] = [
      ['a rare field', { fields: ['nasConfig'] }],
      ['a field no event touched', { fields: ['juiceFsConfig'] }],
      ['a common field', { fields: ['memorySize'] }],
      ['a field and a name', { fields: ['nasConfig'], name: 'fn-2' }],
      ['until, far before the newest event', { until: at(20) }],
      ['until, among events seen out of order', { until: at(10) }],
      ['since and until', { since: at(30), until: at(50) }],
      ['until with a field', { fields: ['nasConfig'], until: at(40) }],
    ];
    for (const [name, filters] of cases)
      it(`pages ${name} exactly as filtering and sorting would`, async () => {
        const want = expected(filters);
        expect(await everyPage(sql, filters)).toEqual(want);
        // With small windows, the field filters page through both of their reads and their border.
        for (const window of [1, 5, 8, 17])
          expect(await everyPage(sql, filters, window), `${window}`).toEqual(want);
      });
  });
}
