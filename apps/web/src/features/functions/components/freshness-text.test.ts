import { describe, expect, it } from 'vitest';
import { formatAge } from '../../../lib/format.ts';
import type { RegionSync } from '../api/types.ts';
import { describeFreshness } from './freshness-text.ts';

const NOW = Date.parse('2026-11-28T14:05:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const STALE_AFTER = 900_000;
const ready = (region: string, seconds: number): RegionSync => ({
  account: 'prod',
  region,
  state: 'ready',
  syncedAt: ago(seconds),
  passStartedAt: ago(seconds + 2),
  functions: 1500,
  seen: 1500,
  stale: false,
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [9_999, 'just now'],
    [40_000, '40 s ago'],
    [47_000, '40 s ago'],
    [125_000, '2 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [3 * 86_400_000, '3 d ago'],
    [-5_000, 'just now'],
  ])('%i ms is "%s"', (ms, text) => expect(formatAge(ms)).toBe(text));
});

describe('describeFreshness', () => {
  it('says how old the oldest region of the view is, with every exact time for the tooltip', () => {
    const f = describeFreshness([ready('cn-hangzhou', 10), ready('cn-shanghai', 42)], NOW, STALE_AFTER);
    expect(f.summary).toBe('synced 40 s ago');
    expect(f.detail).toContain('cn-hangzhou: last synced 20');
    expect(f.detail).toContain('cn-shanghai: last synced');
    expect(f.notes).toEqual([]);
    expect(f.syncing).toBe(false);
  });

  it('names a failed region, when it failed, its error and the age of the data still shown', () => {
    const failed: RegionSync = {
      ...ready('cn-shanghai', 180),
      state: 'failed',
      passStartedAt: ago(125),
      lastError: { code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
    };
    const [note] = describeFreshness([ready('cn-hangzhou', 5), failed], NOW, STALE_AFTER).notes;
    expect(note?.tone).toBe('error');
    expect(note?.text).toMatch(
      /^cn-shanghai: last sync failed 2 min ago — Throttling\.User: Request was denied due to user flow control; showing data from \d\d:\d\d$/,
    );
  });

  it('says a first pass is under way and how far it has got, never a silent partial list', () => {
    const first: RegionSync = {
      account: 'prod',
      region: 'cn-beijing',
      state: 'syncing',
      passStartedAt: ago(4),
      functions: 1200,
      seen: 1200,
      stale: true,
    };
    const f = describeFreshness([first], NOW, STALE_AFTER);
    expect(f.summary).toBe('not synced yet');
    expect(f.syncing).toBe(true);
    expect(f.notes).toEqual([
      {
        key: 'prod/cn-beijing',
        tone: 'progress',
        text: 'cn-beijing: first sync in progress, 1,200 functions so far',
      },
    ]);
  });

  it('warns of stale data, by the server’s flag or by age, and counts a running re-sync', () => {
    const flagged = { ...ready('cn-hangzhou', 60), stale: true };
    const old = ready('cn-shanghai', 1_000);
    const running: RegionSync = { ...ready('cn-beijing', 30), state: 'syncing', seen: 300 };
    const { notes, progress } = describeFreshness([flagged, old, running], NOW, STALE_AFTER);
    expect(notes.map((n) => [n.tone, n.text])).toEqual([
      ['warn', 'cn-hangzhou: data is stale (last synced 1 min ago); syncing is behind'],
      ['warn', 'cn-shanghai: data is stale (last synced 16 min ago); syncing is behind'],
    ]);
    expect(progress).toBe('syncing cn-beijing: 300 of 1,500 checked');
  });

  it('sums the progress of several regions passing again, and says nothing when none is', () => {
    const running = (region: string, seen: number): RegionSync => ({
      ...ready(region, 30),
      state: 'syncing',
      seen,
    });
    const both = describeFreshness(
      [running('cn-hangzhou', 200), running('cn-beijing', 400)],
      NOW,
      STALE_AFTER,
    );
    expect(both.progress).toBe('syncing 2 regions: 600 of 3,000 checked');
    expect(both.notes).toEqual([]);
    expect(describeFreshness([ready('cn-hangzhou', 5)], NOW, STALE_AFTER).progress).toBeUndefined();
  });

  it('names the account too when the view spans several', () => {
    const pending: RegionSync = { ...ready('cn-hangzhou', 0), account: 'dev', state: 'pending' };
    delete pending.syncedAt;
    const { notes } = describeFreshness([pending], NOW, STALE_AFTER, true);
    expect(notes[0]?.text).toBe('dev/cn-hangzhou: waiting for its first sync; no functions listed yet');
  });
});
