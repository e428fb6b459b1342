import { createFcClient } from '@fc-fleet/fc-api';
import { DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Row, scrollAll } from './test-support/test-app.ts';

// The emulator creates, deletes and edits functions after every ListFunctions answer, on a
// deterministic schedule: during passes, and between them whenever the test lists the cloud itself.
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
type TestApp = ReturnType<typeof createTestApp>;

function churnApp(seed: string, size: number, changesPerList: number) {
  const t = createTestApp({
    emulator: { fleet: { functionsPerRegion: size }, churn: { seed, changesPerList } },
  });
  const fc = createFcClient({
    region: 'cn-hangzhou',
    endpoint: t.account.endpoint,
    fetch: t.emulator.fetch,
    credentials: () => DEFAULT_EMULATOR_CREDENTIALS,
  });
  /** Runs `steps` rounds of the churn schedule, outside any pass. */
  const churn = async (steps: number) => {
    for (let i = 0; i < steps; i++) expect((await fc.listFunctions({ limit: 1 })).ok).toBe(true);
  };
  return { ...t, churn };
}

/** The fields the test compares, of every function the emulator has now. */
function cloudNow(t: TestApp): Map<string, string> {
  const out = new Map<string, string>();
  for (const region of REGIONS)
    for (const s of t.emulator.fleet.region(region)?.scan(undefined) ?? [])
      out.set(`${region}/${s.fn.functionName}`, fields(s.fn));
  return out;
}
const fields = (fn: {
  description?: string | null;
  memorySize?: number | null;
  runtime?: string | null;
  vpcConfig?: { vpcId?: string | null } | null;
}) =>
  JSON.stringify([
    fn.description ?? null,
    fn.memorySize ?? null,
    fn.runtime ?? null,
    fn.vpcConfig?.vpcId || null,
  ]);

async function indexNow(t: TestApp): Promise<Map<string, string>> {
  const { rows } = await scrollAll(t.get, 'region=all');
  const out = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.region}/${r.function.functionName}`;
    expect(out.has(key), key).toBe(false);
    out.set(key, fields(r.function as Parameters<typeof fields>[0]));
  }
  return out;
}

describe('the index under churn', () => {
  it('after one more pass, equals the cloud: every create, delete and edit made since the last pass', async () => {
    const t = churnApp('between passes', 800, 3);
    await t.ready();
    await t.churn(100);
    const between = t.emulator.churnLog();
    expect(between.filter((e) => e.kind === 'delete').length).toBeGreaterThan(50);
    expect(between.filter((e) => e.kind === 'create').length).toBeGreaterThan(50);
    const stale = await indexNow(t);
    const cloud = cloudNow(t);
    expect([...cloud.keys()].filter((k) => !stale.has(k)).length).toBeGreaterThan(50);

    const logBefore = t.emulator.churnLog().length;
    const reports = await t.sync.syncAll();
    expect(reports.every((r) => r?.complete)).toBe(true);
    // The schedule also runs during this pass; what it touched then may or may not have been read.
    const during = new Set(
      t.emulator
        .churnLog()
        .slice(logBefore)
        .map((e) => `${e.region}/${e.name}`),
    );
    expect(during.size).toBeLessThan(150);
    const index = await indexNow(t);
    const now = cloudNow(t);
    const outside = (m: Map<string, string>) => new Map([...m].filter(([key]) => !during.has(key)));
    expect(outside(index)).toEqual(outside(now));
    expect(outside(now).size).toBeGreaterThan(2000);
    // Each region's count is what the pass found.
    const meta = (await t.get('/api/meta')).body.sync as { region: string; functions: number }[];
    for (const region of REGIONS)
      expect(meta.find((s) => s.region === region)?.functions).toBe(
        [...index.keys()].filter((k) => k.startsWith(`${region}/`)).length,
      );
  });

  // [title, query, order of two rows: true when a may come before b]
  const scrolls: [string, string, (a: Row, b: Row) => boolean][] = [
    ['name order', 'region=all', (a, b) => nameKey(a) < nameKey(b)],
    ['name order with an extended filter', 'region=all&has=vpc', (a, b) => nameKey(a) < nameKey(b)],
    [
      'memory, largest first',
      'region=all&sort=memorySize:desc',
      (a, b) => {
        const ma = Number(a.function.memorySize);
        const mb = Number(b.function.memorySize);
        return (
          ma > mb ||
          (ma === mb && `${a.region}/${a.function.functionName}` > `${b.region}/${b.function.functionName}`)
        );
      },
    ],
  ];
  for (const [title, query, before] of scrolls)
    it(`keyset paging across passes that delete and insert rows never repeats a row: ${title}`, async () => {
      const t = churnApp(title, 400, 3);
      await t.ready();
      const initial = await indexNow(t);
      const seen: Row[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await t.get(
          `/api/functions?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...(res.body.functions as Row[]));
        cursor = res.body.cursor as string | undefined;
        // Between every two pages the cloud changes and a pass brings the changes into the index.
        await t.churn(5);
        const reports = await t.sync.syncAll();
        expect(reports.every((r) => r?.complete)).toBe(true);
        expect(reports.reduce((n, r) => n + (r?.deleted ?? 0) + (r?.written ?? 0), 0)).toBeGreaterThan(0);
        pages++;
      } while (cursor && pages < 100);
      expect(cursor).toBeUndefined();
      const keys = seen.map((r) => `${r.region}/${r.function.functionName}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (let i = 1; i < seen.length; i++) {
        const a = seen[i - 1];
        const b = seen[i];
        if (a && b) expect(before(a, b), `${keys[i - 1]} before ${keys[i]}`).toBe(true);
      }
      // Whatever was in the index from the start and never touched by the schedule is seen.
      const touched = new Set(t.emulator.churnLog().map((e) => `${e.region}/${e.name}`));
      expect(touched.size).toBeGreaterThan(100);
      const matches = new Set(
        (await scrollAll(t.get, query)).rows.map((r) => `${r.region}/${r.function.functionName}`),
      );
      const stable = [...initial.keys()].filter((key) => !touched.has(key) && matches.has(key));
      expect(stable.length).toBeGreaterThan(150);
      const seenSet = new Set(keys);
      expect(stable.filter((key) => !seenSet.has(key))).toEqual([]);
    });
});

const nameKey = (r: Row) => `${r.function.functionName}\u0000${r.account}\u0000${r.region}`;
