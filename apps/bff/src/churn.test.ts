import { createRng } from '@fc-fleet/fc-emulator';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from './test-support/test-app.ts';

// Functions are created, deleted and modified between the pages of a scroll, on a deterministic
// schedule. Whatever churns, every function that existed throughout must be seen exactly once, in
// order: cursors continue from a position, not an offset.
describe('scrolling while the fleet changes', () => {
  const cases: [string, string][] = [
    ['one region, no filter', 'region=cn-hangzhou'],
    ['three regions merged with an extended filter', 'region=all&has=vpc'],
  ];
  for (const [title, query] of cases) {
    it(title, async () => {
      const t = createTestApp({
        env: { FC_CACHE_TTL_SECONDS: '0', FC_CACHE_STALE_SECONDS: '0' },
        emulator: { fleet: { functionsPerRegion: 2000 } },
      });
      const regions = query.includes('all') ? ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'] : ['cn-hangzhou'];
      const hasVpc = query.includes('has=vpc');
      const matches = (fn: { vpcConfig?: { vpcId?: string | null } | null }) =>
        !hasVpc || Boolean(fn.vpcConfig?.vpcId);
      const initial = new Map<string, boolean>();
      for (const region of regions)
        for (const s of t.emulator.fleet.region(region)?.scan(undefined) ?? [])
          initial.set(`${region}/${s.fn.functionName}`, matches(s.fn));
      const touched = new Set<string>();
      const rng = createRng(`churn/${title}`);
      const churn = () => {
        for (let i = 0; i < 15; i++) {
          const region = rng.pick(regions);
          const fleet = t.emulator.fleet.region(region);
          const names = fleet?.allNames() ?? [];
          const roll = rng.next();
          if (roll < 0.4) {
            const victim = rng.pick(names);
            touched.add(`${region}/${victim}`);
            fleet?.delete(victim);
          } else if (roll < 0.8) {
            const name = `${rng.pick(['ads', 'orders', 'zeta', 'payments'])}-churn-${rng.alnum(6)}`;
            touched.add(`${region}/${name}`);
            t.emulator.putFunction(region, {
              functionName: name,
              runtime: 'python3.10',
              vpcConfig: { vpcId: 'vpc-churn' },
            });
          } else {
            const name = rng.pick(names);
            const stored = fleet?.get(name);
            if (stored)
              t.emulator.putFunction(region, { ...stored.fn, description: `edited ${rng.alnum(4)}` });
          }
        }
      };
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
        churn();
      } while (cursor && pages < 500);
      const keys = seen.map((r) => `${r.region}/${r.function.functionName}`);
      expect(new Set(keys).size).toBe(keys.length);
      const order = seen.map((r) => [r.function.functionName, regions.indexOf(r.region)] as const);
      for (let i = 1; i < order.length; i++) {
        const [a, ai] = order[i - 1] ?? ['', 0];
        const [b, bi] = order[i] ?? ['', 0];
        expect(a < b || (a === b && ai < bi)).toBe(true);
      }
      const stable = [...initial].filter(([key, match]) => match && !touched.has(key)).map(([key]) => key);
      expect(stable.length).toBeGreaterThan(500);
      const seenSet = new Set(keys);
      expect(stable.filter((key) => !seenSet.has(key))).toEqual([]);
      expect(touched.size).toBeGreaterThan(100);
    });
  }
});
