import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../../lib/view-state.ts';
import type { RegionSync } from '../api/types.ts';
import { REFRESH_PATIENCE_MS, refreshSettled, watchRefresh } from './refresh-watch.ts';
import { freshestRegions, viewScope } from './view-scope.ts';

const base: RegionSync = {
  account: 'prod',
  region: 'cn-hangzhou',
  state: 'ready',
  syncedAt: '2026-11-28T14:00:02Z',
  passStartedAt: '2026-11-28T14:00:00Z',
  functions: 10,
  seen: 10,
  stale: false,
};
const asked = { requested: [{ account: 'prod', region: 'cn-hangzhou' }], regions: [base] };

describe('refreshSettled', () => {
  it('waits while the pass has not started, and while it runs', () => {
    const watch = watchRefresh(asked, 0);
    expect(refreshSettled(watch, [base], 1_000)).toBe(false);
    const running = { ...base, state: 'syncing' as const, passStartedAt: '2026-11-28T14:05:00Z' };
    expect(refreshSettled(watch, [running], 2_000)).toBe(false);
  });

  it('ends when a pass that started after the refresh has ended, ready or failed', () => {
    const watch = watchRefresh(asked, 0);
    const next = { ...base, passStartedAt: '2026-11-28T14:05:00Z', syncedAt: '2026-11-28T14:05:01Z' };
    expect(refreshSettled(watch, [next], 3_000)).toBe(true);
    expect(refreshSettled(watch, [{ ...next, state: 'failed' }], 3_000)).toBe(true);
  });

  it('ends with the pass that was already running when asked, and gives up after its patience', () => {
    const watch = watchRefresh({ ...asked, regions: [{ ...base, state: 'syncing' }] }, 0);
    expect(refreshSettled(watch, [base], 1_000)).toBe(true);
    expect(refreshSettled(watchRefresh(asked, 0), [base], REFRESH_PATIENCE_MS + 1)).toBe(true);
  });
});

describe('viewScope', () => {
  const accounts = [
    { alias: 'prod', regions: ['cn-hangzhou', 'cn-shanghai'] },
    { alias: 'dev', regions: ['cn-shanghai', 'cn-beijing'] },
  ];
  it('follows the BFF: first account and its first region by default, all, or the chosen', () => {
    expect(viewScope(DEFAULT_VIEW, accounts)).toEqual([{ account: 'prod', region: 'cn-hangzhou' }]);
    expect(viewScope({ ...DEFAULT_VIEW, account: 'dev', regions: 'all' }, accounts)).toEqual([
      { account: 'dev', region: 'cn-shanghai' },
      { account: 'dev', region: 'cn-beijing' },
    ]);
    expect(viewScope({ ...DEFAULT_VIEW, account: 'all' }, accounts)).toHaveLength(4);
    expect(viewScope({ ...DEFAULT_VIEW, account: 'all', regions: ['cn-shanghai'] }, accounts)).toEqual([
      { account: 'prod', region: 'cn-shanghai' },
      { account: 'dev', region: 'cn-shanghai' },
    ]);
    expect(viewScope({ ...DEFAULT_VIEW, account: 'nobody' }, accounts)).toEqual([]);
  });

  it('takes each region from the answer that arrived last', () => {
    const scope = [{ account: 'prod', region: 'cn-hangzhou' }];
    const newer = { ...base, state: 'syncing' as const };
    expect(
      freshestRegions(scope, [
        { regions: [base], at: 1 },
        { regions: [newer], at: 2 },
      ]),
    ).toEqual([newer]);
    expect(
      freshestRegions(scope, [
        { regions: [base], at: 3 },
        { regions: [newer], at: 2 },
      ]),
    ).toEqual([base]);
    expect(
      freshestRegions(scope, [
        { regions: undefined, at: 3 },
        { regions: [newer], at: 2 },
      ]),
    ).toEqual([newer]);
  });
});
