// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW } from '../../../lib/view-state.ts';
import type { RegionSync } from '../api/types.ts';
import { useViewSync } from './use-view-sync.ts';

const region = (state: RegionSync['state'], pass: string, synced: string): RegionSync => ({
  account: 'prod',
  region: 'cn-hangzhou',
  state,
  passStartedAt: pass,
  syncedAt: synced,
  functions: 10,
  seen: 10,
  stale: false,
});
const meta = (sync: RegionSync) => ({
  version: '1',
  accounts: [{ alias: 'prod', regions: ['cn-hangzhou'] }],
  facets: { runtimes: [], gpuTypes: [], vpcIds: [] },
  store: 'embedded',
  syncIntervalSeconds: 300,
  sync: [sync],
});
const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

afterEach(() => vi.unstubAllGlobals());

function setup(answers: { meta: RegionSync[]; refresh: () => Promise<Response> }) {
  let metaCalls = 0;
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (init?.method === 'POST') return answers.refresh();
    const sync = answers.meta[Math.min(metaCalls, answers.meta.length - 1)];
    metaCalls++;
    return url.includes('api/meta') && sync
      ? json(meta(sync))
      : json({ code: 'NotFound', message: url }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient();
  const invalidate = vi.spyOn(client, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useViewSync(DEFAULT_VIEW, { regions: undefined, at: 0 }), { wrapper });
  return { hook, fetch, invalidate, metaCalls: () => metaCalls };
}

describe('useViewSync', () => {
  it('after Refresh, polls until a new pass has ended, then reloads the list and facets', async () => {
    const before = region('ready', '2026-11-28T14:00:00Z', '2026-11-28T14:00:02Z');
    const running = region('syncing', '2026-11-28T14:05:00Z', '2026-11-28T14:00:02Z');
    const after = region('ready', '2026-11-28T14:05:00Z', '2026-11-28T14:05:01Z');
    const { hook, invalidate, metaCalls } = setup({
      meta: [before, running, after],
      refresh: () =>
        json({ requested: [{ account: 'prod', region: 'cn-hangzhou' }], regions: [before] }, 202),
    });
    await waitFor(() => expect(hook.result.current.regions).toEqual([before]));
    act(() => hook.result.current.refresh());
    await waitFor(() => expect(hook.result.current.refreshing).toBe(true));
    await waitFor(() => expect(hook.result.current.regions[0]?.state).toBe('syncing'), { timeout: 5_000 });
    await waitFor(() => expect(hook.result.current.refreshing).toBe(false), { timeout: 8_000 });
    expect(hook.result.current.regions).toEqual([after]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['functions'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['facets'] });
    const calls = metaCalls();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(metaCalls()).toBe(calls);
  }, 20_000);

  it('keeps a refusal of Refresh to show its message', async () => {
    const ready = region('ready', '2026-11-28T14:00:00Z', '2026-11-28T14:00:02Z');
    const { hook } = setup({
      meta: [ready],
      refresh: () => json({ code: 'RateLimited', message: 'try again in 40 s.', requestId: 'r1' }, 429),
    });
    await waitFor(() => expect(hook.result.current.regions).toHaveLength(1));
    act(() => hook.result.current.refresh());
    await waitFor(() => expect(hook.result.current.refreshError?.message).toBe('try again in 40 s.'));
    expect(hook.result.current.refreshing).toBe(false);
  });
});
