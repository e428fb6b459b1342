import { describe, expect, it } from 'vitest';
import { parseRegionSync } from '../../../lib/parse-region-sync.ts';
import { parsePage } from './parse.ts';
import { parseFacets } from './parse-facets.ts';
import { parseMeta } from './parse-meta.ts';
import { parseRefresh } from './parse-refresh.ts';

const region = {
  account: 'prod',
  region: 'cn-hangzhou',
  state: 'ready',
  syncedAt: '2026-11-28T05:21:35.005Z',
  passStartedAt: '2026-11-28T05:21:33.139Z',
  functions: 1500,
  seen: 1500,
  stale: false,
};
const row = {
  account: 'prod',
  region: 'cn-hangzhou',
  function: { functionName: 'api', runtime: 'nodejs18' },
};
const emptyFacets = {
  runtime: [],
  gpuType: [],
  region: [],
  account: [],
  fcVersion: [],
  vpcId: [],
  internetAccess: [],
  env: [],
  team: [],
  has: [],
  lifecycle: [],
};

describe('parseRegionSync', () => {
  it('keeps every field of a region, optional ones only when sent', () => {
    expect(parseRegionSync(region)).toEqual(region);
    const failed = {
      ...region,
      state: 'failed',
      lastError: { code: 'Throttling.User', message: 'slow down' },
      stale: true,
    };
    expect(parseRegionSync(failed)).toEqual(failed);
    const first = {
      account: 'prod',
      region: 'cn-beijing',
      state: 'syncing',
      functions: 1200,
      seen: 1200,
      stale: true,
    };
    expect(parseRegionSync(first)).toEqual(first);
    expect(Object.keys(parseRegionSync(first))).not.toContain('syncedAt');
  });

  it.each([
    [{ ...region, state: 'done' }, 'region.state is not one of pending, syncing, ready, failed'],
    [{ ...region, syncedAt: 'yesterday' }, 'region.syncedAt is not a time'],
    [{ ...region, functions: -1 }, 'region.functions is not a count'],
    [{ ...region, seen: 1.5 }, 'region.seen is not a count'],
    [{ ...region, stale: 'no' }, 'region.stale is not true or false'],
    [{ ...region, lastError: { code: 'X' } }, 'region.lastError.message is not text'],
    [{ ...region, account: undefined }, 'region.account is not text'],
  ])('names what is wrong: %j', (input, message) => {
    expect(() => parseRegionSync(input)).toThrow(message);
  });
});

describe('parsePage', () => {
  it('reads rows, the cursor and the regions', () => {
    const page = parsePage({ functions: [row], cursor: 'c1', scanned: 1, complete: true, regions: [region] });
    expect(page.functions).toEqual([row]);
    expect(page.cursor).toBe('c1');
    expect(page.regions).toEqual([region]);
    expect('cursor' in parsePage({ functions: [], scanned: 0, complete: true, regions: [] })).toBe(false);
  });

  it("keeps a row's last change when sent, and refuses one that is not a time", () => {
    const changed = { ...row, lastChange: '2026-11-28T05:21:35.005Z' };
    expect(parsePage({ functions: [changed], scanned: 1, complete: true, regions: [] }).functions).toEqual([
      changed,
    ]);
    expect(() =>
      parsePage({
        functions: [{ ...row, lastChange: 'yesterday' }],
        scanned: 1,
        complete: true,
        regions: [],
      }),
    ).toThrow('functions[0].lastChange is not a time');
  });

  it('rejects a page without regions or with a bad one, naming its place', () => {
    expect(() => parsePage({ functions: [], scanned: 0, complete: true })).toThrow('regions is not a list');
    expect(() =>
      parsePage({ functions: [], scanned: 0, complete: true, regions: [region, { ...region, stale: 1 }] }),
    ).toThrow('regions[1].stale is not true or false');
    expect(() =>
      parsePage({ functions: [{ ...row, function: {} }], scanned: 0, complete: true, regions: [] }),
    ).toThrow('functions[0].function.functionName is not text');
    expect(() => parsePage({ functions: [], scanned: '1', complete: true, regions: [] })).toThrow(
      'scanned is not a count',
    );
  });
});

describe('parseFacets', () => {
  it('reads the total, every facet and the regions', () => {
    const body = {
      total: 203,
      facets: {
        ...emptyFacets,
        runtime: [{ value: 'nodejs18', count: 203 }],
        gpuType: [{ value: null, count: 203 }],
        internetAccess: [{ value: true, count: 195 }],
        lifecycle: [
          { value: 'deprecated', count: 41 },
          { value: 'current', count: 162 },
        ],
      },
      regions: [region],
    };
    expect(parseFacets(body)).toEqual(body);
  });

  it('requires every facet of the contract and sane values', () => {
    const { team: _team, ...noTeam } = emptyFacets;
    expect(() => parseFacets({ total: 0, facets: noTeam, regions: [] })).toThrow('facets.team is not a list');
    const { lifecycle: _lifecycle, ...noLifecycle } = emptyFacets;
    expect(() => parseFacets({ total: 0, facets: noLifecycle, regions: [] })).toThrow(
      'facets.lifecycle is not a list',
    );
    expect(() =>
      parseFacets({ total: 0, facets: { ...emptyFacets, env: [{ value: 3, count: 1 }] }, regions: [] }),
    ).toThrow('facets.env[0].value is not text, true, false or null');
    expect(() =>
      parseFacets({ total: 0, facets: { ...emptyFacets, has: [{ value: 'gpu' }] }, regions: [] }),
    ).toThrow('facets.has[0].count is not a count');
    expect(() => parseFacets({ total: -3, facets: emptyFacets, regions: [] })).toThrow(
      'total is not a count',
    );
  });
});

describe('parseRefresh', () => {
  it('reads what was asked and the regions', () => {
    const body = { requested: [{ account: 'prod', region: 'cn-hangzhou' }], regions: [region] };
    expect(parseRefresh(body)).toEqual(body);
    expect(() => parseRefresh({ requested: [{ account: 'prod' }], regions: [] })).toThrow(
      'requested[0].region is not text',
    );
  });
});

describe('parseMeta', () => {
  const meta = {
    version: '0.1.0',
    demo: true,
    basePath: '/',
    auth: 'none',
    accounts: [{ alias: 'prod', accountId: '123', regions: ['cn-hangzhou'] }],
    embed: { frameAncestors: [] },
    facets: { runtimes: ['nodejs18'], gpuTypes: [], vpcIds: [], has: ['vpc'] },
    gpuCatalog: [],
    store: 'embedded',
    syncIntervalSeconds: 300,
    sync: [region],
  };

  it('reads the sync state, its interval and the store', () => {
    const parsed = parseMeta(meta);
    expect(parsed.sync).toEqual([region]);
    expect(parsed.syncIntervalSeconds).toBe(300);
    expect(parsed.store).toBe('embedded');
    expect(parsed.facets).toEqual({ runtimes: ['nodejs18'], gpuTypes: [], vpcIds: [] });
  });

  it.each([
    [{ ...meta, sync: undefined }, 'sync is not a list'],
    [{ ...meta, sync: [{ ...region, state: 'odd' }] }, 'sync[0].state is not one of'],
    [{ ...meta, store: 'redis' }, 'store is not one of embedded, postgres'],
    [{ ...meta, syncIntervalSeconds: 0 }, 'syncIntervalSeconds is zero'],
    [{ ...meta, accounts: [{ alias: 'x', regions: [3] }] }, 'accounts[0].regions[0] is not text'],
  ])('names what is wrong: %#', (input, message) => {
    expect(() => parseMeta(input)).toThrow(message);
  });
});
