import type { FcFunction } from '@fc-fleet/fc-api';
import { createChurn, PLANTED_SECRET } from '@fc-fleet/fc-emulator';
import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { analyzeChanges, pruneChanges } from '../history/maintain-history.ts';
import { listChanges } from '../query/list-changes.ts';
import { listPage } from '../query/list-page.ts';
import { repairFunction } from '../repair/repair-function.ts';
import { createIndexedFleet } from '../test-support/indexed-fleet.ts';
import { storeFactories, storesFor } from '../test-support/store-factories.ts';
import { printKey } from './env-prints.ts';
import { runPass } from './run-pass.ts';

// The history is checked against what the emulator's fleet held at each pass, compared here in
// plain JavaScript: a function that appeared is created, one that went is deleted, one whose
// creation time moved is both, and one whose configuration differs is modified.
type Snapshot = Map<string, FcFunction>;
const KEY = printKey('history-test-secret-0123456789abcdef');

function snapshot(fleet: ReturnType<typeof createIndexedFleet>): Snapshot {
  return new Map(fleet.truth().map((t) => [`${t.region}/${t.fn.functionName}`, structuredClone(t.fn)]));
}

function expectedEvents(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [key, fn] of after) {
    const was = before.get(key);
    if (!was) out.push(`created ${key}`);
    else if (was.createdTime !== fn.createdTime) out.push(`deleted ${key}`, `created ${key}`);
    else if (JSON.stringify(was) !== JSON.stringify(fn)) out.push(`modified ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`deleted ${key}`);
  return out.sort();
}

async function allEvents(sql: SqlClient, filters = {}): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  let afterId: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listChanges(sql, { filters, limit: 17, ...(afterId ? { afterId } : {}) });
    events.push(...page.events);
    if (!page.nextId) return events;
    afterId = page.nextId;
  }
  throw new Error('paging does not end');
}

const label = (e: ChangeEvent) => `${e.kind} ${e.region}/${e.functionName}`;

for (const factory of storeFactories()) {
  describe(`change history on ${factory.kind}`, () => {
    const fresh = storesFor(factory);

    it('records each real change exactly once across passes of a churning fleet', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 120 } }, { printKey: KEY });
      await fleet.sync();
      expect(await allEvents(sql)).toEqual([]);
      const churn = createChurn(fleet.emulator.fleet, { seed: 'history', changesPerList: 25 });
      let seen = 0;
      for (let round = 0; round < 3; round++) {
        const before = snapshot(fleet);
        churn.step();
        // A function deleted and made again under the same name, with a new creation time.
        const region = fleet.regions[round % 3] ?? '';
        const victim = fleet.truth().find((t) => t.region === region);
        if (victim)
          fleet.emulator.putFunction(region, {
            ...victim.fn,
            createdTime: `2026-11-2${round}T00:00:00Z`,
            lastModifiedTime: `2026-11-2${round}T00:00:00Z`,
          });
        const after = snapshot(fleet);
        await fleet.sync();
        const events = await allEvents(sql);
        const fresh = events.slice(0, events.length - seen);
        seen = events.length;
        expect(fresh.map(label).sort()).toEqual(expectedEvents(before, after));
        // A pass over the unchanged fleet records nothing.
        await fleet.sync();
        expect((await allEvents(sql)).length).toBe(seen);
      }
      expect(seen).toBeGreaterThan(40);
    });

    it('diffs the projection field by field, tells a changed environment value without holding it', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 30 } }, { printKey: KEY });
      const region = 'cn-hangzhou';
      fleet.emulator.putFunction(region, {
        functionName: 'aa-diffed',
        runtime: 'nodejs16',
        memorySize: 512,
        createdTime: '2026-01-01T00:00:00Z',
        lastModifiedTime: '2026-01-01T00:00:00Z',
        environmentVariables: { DB_PASSWORD: 'first-value-9f8e7d6c', KEEP: 'same', GONE: 'x' },
        vpcConfig: { vpcId: 'vpc-1', vSwitchIds: ['vsw-a'], securityGroupId: 'sg-1' },
        tags: [{ Key: 'env', Value: 'staging' }],
      });
      await fleet.sync(region);
      fleet.emulator.putFunction(region, {
        functionName: 'aa-diffed',
        runtime: 'nodejs18',
        memorySize: 512,
        createdTime: '2026-01-01T00:00:00Z',
        lastModifiedTime: '2026-02-01T00:00:00Z',
        environmentVariables: { DB_PASSWORD: 'second-value-1a2b3c4d', KEEP: 'same', ADDED: 'y' },
        vpcConfig: { vpcId: 'vpc-1', vSwitchIds: ['vsw-a', 'vsw-b'], securityGroupId: 'sg-1' },
        tags: [{ Key: 'env', Value: 'prod' }],
      });
      await fleet.sync(region);
      const [event] = await allEvents(sql, { name: 'aa-diffed' });
      expect(event).toMatchObject({ kind: 'modified', lastModifiedTime: '2026-02-01T00:00:00.000Z' });
      expect(event?.changes).toEqual([
        { path: 'runtime', field: 'runtime', change: 'changed', before: 'nodejs16', after: 'nodejs18' },
        { path: 'environmentVariables.ADDED', field: 'environmentVariables', change: 'added' },
        { path: 'environmentVariables.DB_PASSWORD', field: 'environmentVariables', change: 'changed' },
        { path: 'environmentVariables.GONE', field: 'environmentVariables', change: 'removed' },
        {
          path: 'vpcConfig.vSwitchIds',
          field: 'vpcConfig',
          change: 'changed',
          before: ['vsw-a'],
          after: ['vsw-a', 'vsw-b'],
        },
        { path: 'tags.env', field: 'tags', change: 'changed', before: 'staging', after: 'prod' },
      ]);
      const { rows } = await sql.query<{ text: string }>(
        `select (select string_agg(t::text, ' ') from fleet_change t) || ' ' ||
           (select string_agg(f::text, ' ') from fleet_function f) as text`,
      );
      for (const value of ['first-value-9f8e7d6c', 'second-value-1a2b3c4d'])
        expect(rows[0]?.text).not.toContain(value);
      // The field filter finds it by any field it touched, and not by one it did not.
      expect((await allEvents(sql, { fields: ['vpcConfig'] })).map((e) => e.functionName)).toEqual([
        'aa-diffed',
      ]);
      expect(await allEvents(sql, { fields: ['memorySize'] })).toEqual([]);
    });

    it('a pass cut short records the changes it wrote and no deletion; the next pass finishes', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 450 } });
      const region = 'cn-shanghai';
      await fleet.sync(region);
      const names = fleet
        .truth()
        .filter((t) => t.region === region)
        .map((t) => t.fn.functionName)
        .sort();
      const [early, late, gone] = [names[3], names[420], names[200]];
      if (!early || !late || !gone) throw new Error('fleet too small');
      for (const name of [early, late]) {
        const fn = fleet.truth().find((t) => t.region === region && t.fn.functionName === name)?.fn;
        if (fn) fleet.emulator.putFunction(region, { ...fn, timeout: 777 });
      }
      fleet.emulator.deleteFunction(region, gone);
      // The listing fails after its second page of functions (pages of 100; the first call lists v2).
      const list = fleet.lister(region);
      let calls = 0;
      const cut = await runPass({
        sql,
        account: 'demo',
        region,
        list: async (query, signal) =>
          ++calls > 3
            ? { ok: false, error: { code: 'ServiceUnavailable', message: 'down', retryable: true } }
            : list(query, signal),
      });
      expect(cut.complete).toBe(false);
      expect((await allEvents(sql)).map(label)).toEqual([`modified ${region}/${early}`]);
      await fleet.sync(region);
      expect((await allEvents(sql)).map(label).sort()).toEqual(
        [`modified ${region}/${early}`, `modified ${region}/${late}`, `deleted ${region}/${gone}`].sort(),
      );
    });

    it('keeps no planted secret in any event', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 80 } }, { printKey: KEY });
      await fleet.sync();
      // Every function changes: new secret values everywhere they can be, and a visible field.
      for (const t of fleet.truth()) {
        const text = JSON.stringify(t.fn).replace(PLANTED_SECRET, (s) => `${s.slice(0, -4)}ZZZZ`);
        const fn = JSON.parse(text) as FcFunction;
        fleet.emulator.putFunction(t.region, {
          ...fn,
          timeout: (fn.timeout ?? 3) + 1,
          lastModifiedTime: '2026-11-28T00:00:00Z',
        });
      }
      await fleet.sync();
      const planted = new Set<string>();
      for (const t of fleet.truth()) {
        for (const value of Object.values(t.fn.environmentVariables ?? {}))
          if (value.length >= 12) planted.add(value);
        for (const match of JSON.stringify(t.fn).match(PLANTED_SECRET) ?? []) planted.add(match);
      }
      expect(planted.size).toBeGreaterThan(50);
      const events = await allEvents(sql);
      expect(events.length).toBe(fleet.truth().length);
      const { rows } = await sql.query<{ text: string }>(
        "select coalesce(string_agg(c::text, ' '), '') as text from fleet_change c",
      );
      const text = `${rows[0]?.text} ${JSON.stringify(events)}`;
      expect([...planted].filter((secret) => text.includes(secret))).toEqual([]);
    });

    it('sorts and filters the table by the last change a pass saw; the drawer repair records too', async () => {
      let clock = Date.parse('2026-11-28T10:00:00Z');
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 40 } }, { now: () => clock });
      const region = 'cn-beijing';
      await fleet.sync(region);
      const [old, recent] = fleet.truth().filter((t) => t.region === region);
      if (!old || !recent) throw new Error('fleet too small');
      fleet.emulator.putFunction(region, { ...old.fn, memorySize: 3072 });
      await fleet.sync(region);
      clock += 2 * 86_400_000;
      fleet.emulator.putFunction(region, { ...recent.fn, memorySize: 4096 });
      await fleet.sync(region);
      const sorted = await listPage(sql, {
        filters: { regions: [region] },
        sort: { field: 'lastChange', dir: 'desc' },
        limit: 3,
      });
      expect(sorted.rows.map((r) => r.function.functionName).slice(0, 2)).toEqual([
        recent.fn.functionName,
        old.fn.functionName,
      ]);
      // Each row says when a pass last saw it change (the table's "Last change"); the rest say nothing.
      expect(sorted.rows.map((r) => r.lastChange)).toEqual([
        new Date(clock).toISOString(),
        new Date(clock - 2 * 86_400_000).toISOString(),
        undefined,
      ]);
      // The repair of a function the cloud no longer has records its deletion.
      await repairFunction(sql, 'demo', region, old.fn.functionName, null, new Date(clock));
      const events = await allEvents(sql, { regions: [region] });
      expect(events.map((e) => e.kind)).toEqual(['deleted', 'modified', 'modified']);
      // `changed` is measured against the store's clock (now), which is after these passes' times
      // only for the old ones; a change seen "now" is within the hour.
      await sql.query('update fleet_function set last_changed_at = now() where name = $1', [
        recent.fn.functionName,
      ]);
      const within = await listPage(sql, {
        filters: { regions: [region], changed: '1h' },
        sort: { field: 'name', dir: 'asc' },
        limit: 50,
      });
      expect(within.rows.map((r) => r.function.functionName)).toEqual([recent.fn.functionName]);
    });

    it('prunes events older than the retention', async () => {
      const sql = await fresh();
      const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 20 } });
      await fleet.sync();
      for (const t of fleet.truth().slice(0, 12)) fleet.emulator.deleteFunction(t.region, t.fn.functionName);
      await fleet.sync();
      await sql.query(
        "update fleet_change set seen_at = now() - interval '100 days' where id in (select id from fleet_change order by id limit 5)",
      );
      expect(await pruneChanges(sql, new Date(Date.now() - 90 * 86_400_000), 2)).toBe(2);
      expect(await pruneChanges(sql, new Date(Date.now() - 90 * 86_400_000))).toBe(3);
      expect((await allEvents(sql)).length).toBe(7);
      expect(await analyzeChanges(sql)).toBe(factory.kind === 'pglite');
    });
  });
}
