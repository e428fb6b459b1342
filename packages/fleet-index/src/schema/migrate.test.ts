import { randomUUID } from 'node:crypto';
import { projectFunction } from '@fc-fleet/fleet-contract/project-function';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../db/open-pglite.ts';
import { openPostgres } from '../db/open-postgres.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { facetCounts } from '../query/facet-counts.ts';
import { fleetInsights } from '../query/insights.ts';
import { listPage } from '../query/list-page.ts';
import { accelerationOf, functionRow } from '../sync/function-row.ts';
import { createIndexedFleet } from '../test-support/indexed-fleet.ts';
import { createDatabase } from '../test-support/postgres-server.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

const COLUMNS = `account text, region text, name text, fc_version text, runtime text, memory_size integer,
  cpu real, timeout integer, code_size integer, created_time timestamptz, last_modified_time timestamptz,
  gpu_type text, gpu_memory_size integer, vpc_id text, vswitch_ids text[], security_group_id text,
  internet_access boolean, role text, resource_group_id text, image text, image_search text,
  role_search text, nas_servers text[], oss_buckets text[], layer_arns text[], features text[], tags jsonb,
  tag_env text, tag_team text, search text, description_search text, content_hash text`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]);

/** Writes rows as FC Fleet 1 did: straight into the first schema's two tables. */
async function writeAsVersion1(sql: SqlClient) {
  const fleet = createIndexedFleet(sql, { fleet: { functionsPerRegion: 60 } });
  const rows = fleet.truth().map((t) => functionRow('demo', t.region, t.fcVersion, projectFunction(t.fn)));
  await sql.query(
    `insert into fleet_function (${NAMES.join(', ')}, synced_at)
     select ${NAMES.join(', ')}, now() from jsonb_to_recordset($1::jsonb) as x (${COLUMNS})`,
    [JSON.stringify(rows)],
  );
  await sql.query(
    `insert into fleet_function_view select account, region, name, view
     from jsonb_to_recordset($1::jsonb) as x (account text, region text, name text, view jsonb)`,
    [JSON.stringify(rows)],
  );
  return rows;
}

const stores: { kind: string; open: () => Promise<SqlClient> }[] = [
  { kind: 'pglite', open: () => openPglite({ dataDir: 'memory' }) },
  {
    kind: 'postgres',
    open: async () =>
      openPostgres({
        url: await createDatabase(inject('postgresUrl'), `m_${randomUUID().replaceAll('-', '')}`),
      }),
  },
];

for (const store of stores) {
  describe(`migrating an index written by FC Fleet 1 on ${store.kind}`, () => {
    const open: SqlClient[] = [];
    afterEach(async () => {
      for (const sql of open.splice(0)) await sql.close();
    });

    it('codes its functions, so counts and narrow views answer as for a new index', async () => {
      const sql = await store.open();
      open.push(sql);
      expect(await migrate(sql, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
      const rows = await writeAsVersion1(sql);
      expect(await migrate(sql)).toEqual({ from: 1, to: MIGRATIONS.length });
      const counts = await facetCounts(sql, {});
      expect(counts.total).toBe(rows.length);
      const runtimes = new Map<string | null, number>();
      for (const r of rows) runtimes.set(r.runtime, (runtimes.get(r.runtime) ?? 0) + 1);
      expect(new Map(counts.facets.runtime.map((v) => [v.value as string | null, v.count]))).toEqual(
        runtimes,
      );
      const vpc = rows.filter((r) => r.features.includes('vpc')).length;
      expect((await facetCounts(sql, { has: ['vpc'], memoryMin: 0 })).total).toBe(vpc);
      // walkLimit 0: the page comes from the coded rows alone.
      const page = await listPage(sql, {
        filters: { has: ['vpc'] },
        sort: { field: 'name', dir: 'asc' },
        limit: 5,
        walkLimit: 0,
      });
      const expected = rows
        .filter((r) => r.features.includes('vpc'))
        .map((r) => r.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, 5);
      expect(page.rows.map((r) => r.function.functionName)).toEqual(expected);
    });

    it('fills what the insights read (acceleration, vCPU, GPU memory) from what the store already holds', async () => {
      const sql = await store.open();
      open.push(sql);
      await migrate(sql, MIGRATIONS.slice(0, 1));
      const rows = await writeAsVersion1(sql);
      await migrate(sql);
      const insights = await fleetInsights(sql, {}, new Date());
      const states = new Map<string, number>();
      for (const r of rows) {
        const state = accelerationOf(r.view);
        if (state) states.set(state, (states.get(state) ?? 0) + 1);
      }
      expect(states.size).toBeGreaterThan(1);
      expect(new Map(insights.byAcceleration.map((c) => [c.value, c.count]))).toEqual(states);
      const gpuMemory = rows.reduce((sum, r) => sum + (r.gpu_memory_size ?? 0), 0);
      expect(gpuMemory).toBeGreaterThan(0);
      expect(insights.resources.gpuMemoryMb).toBe(gpuMemory);
      expect(insights.resources.vcpu).toBeCloseTo(
        rows.reduce((sum, r) => sum + (r.cpu ?? 0), 0),
        6,
      );
      expect((await facetCounts(sql, { acceleration: 'Ready' })).total).toBe(states.get('Ready'));
    });
  });
}
