import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from './test-support/test-app.ts';

// The emulator creates, deletes and edits functions after every ListFunctions answer, on a
// deterministic schedule, so the fleet changes between upstream pages even inside one BFF request.
// Whatever churns, every function that existed throughout is seen exactly once and in order:
// cursors continue from a position, not an offset.
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];

describe('scrolling while the fleet changes', () => {
  // [title, query, regions, only VPC functions count, fleet size per region, changes per upstream list]
  const cases: [string, string, string[], boolean, number, number][] = [
    ['one region, no filter', 'region=cn-hangzhou', ['cn-hangzhou'], false, 2000, 12],
    ['three regions merged with an extended filter', 'region=all&has=vpc', REGIONS, true, 2000, 12],
    // With no cache the sorted snapshot is rebuilt on every page, from a fleet that keeps moving.
    [
      'sorted by memory (a snapshot) across regions',
      'region=all&sort=memorySize:desc',
      REGIONS,
      false,
      500,
      2,
    ],
  ];
  for (const [title, query, regions, vpcOnly, size, changes] of cases) {
    it(title, async () => {
      const t = createTestApp({
        env: { FC_CACHE_TTL_SECONDS: '0', FC_CACHE_STALE_SECONDS: '0' },
        emulator: { fleet: { functionsPerRegion: size }, churn: { seed: title, changesPerList: changes } },
      });
      const initial = new Map<string, boolean>();
      for (const region of regions) {
        for (const s of t.emulator.fleet.region(region)?.scan(undefined) ?? [])
          initial.set(`${region}/${s.fn.functionName}`, !vpcOnly || Boolean(s.fn.vpcConfig?.vpcId));
      }
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
        pages++;
      } while (cursor && pages < 500);
      const touched = new Set(
        t.emulator
          .churnLog()
          .filter((e) => e.kind !== 'edit')
          .map((e) => `${e.region}/${e.name}`),
      );
      expect(touched.size).toBeGreaterThan(100);
      const keys = seen.map((r) => `${r.region}/${r.function.functionName}`);
      expect(new Set(keys).size).toBe(keys.length);
      if (!query.includes('sort=')) {
        for (let i = 1; i < seen.length; i++) {
          const a = seen[i - 1];
          const b = seen[i];
          if (!a || !b) continue;
          const ordered =
            a.function.functionName < b.function.functionName ||
            (a.function.functionName === b.function.functionName &&
              regions.indexOf(a.region) < regions.indexOf(b.region));
          expect(ordered, `${keys[i - 1]} before ${keys[i]}`).toBe(true);
        }
      }
      const stable = [...initial].filter(([key, match]) => match && !touched.has(key)).map(([key]) => key);
      expect(stable.length).toBeGreaterThan(size / 2);
      const seenSet = new Set(keys);
      expect(stable.filter((key) => !seenSet.has(key))).toEqual([]);
    });
  }
});
