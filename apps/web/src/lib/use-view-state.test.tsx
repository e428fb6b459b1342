// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useViewState } from './use-view-state.ts';

const popTo = async (url: string) => {
  window.history.replaceState(null, '', url);
  await act(async () => {
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
};

describe('useViewState', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('reads the view from the address bar and writes changes back to it', () => {
    window.history.replaceState(null, '', '/?region=all&has=gpu');
    const { result } = renderHook(() => useViewState());
    expect(result.current.view.regions).toBe('all');
    act(() => result.current.setView((v) => ({ ...v, has: [...v.has, 'vpc'], text: { prefix: 'pay' } })));
    expect(window.location.search).toBe('?region=all&prefix=pay&has=gpu,vpc');
    expect(result.current.view.has).toEqual(['gpu', 'vpc']);
  });

  it('pushes a history entry for a deliberate change and replaces it while typing', () => {
    window.history.replaceState(null, '', '/');
    const { result } = renderHook(() => useViewState());
    const before = window.history.length;
    act(() => result.current.setView((v) => ({ ...v, has: ['nas'] })));
    expect(window.history.length).toBe(before + 1);
    act(() => result.current.setView((v) => ({ ...v, text: { q: 'a' } }), { replace: true }));
    act(() => result.current.setView((v) => ({ ...v, text: { q: 'ab' } }), { replace: true }));
    expect(window.history.length).toBe(before + 1);
    expect(window.location.search).toBe('?q=ab&has=nas');
  });

  it('follows back and forward (popstate) and reports garbage from a pasted link', async () => {
    const { result } = renderHook(() => useViewState());
    await popTo('/?fn=cn-hangzhou/api&tab=gpu');
    expect(result.current.view.fn).toEqual({ region: 'cn-hangzhou', name: 'api' });
    expect(result.current.view.tab).toBe('gpu');
    await popTo('/?memoryMin=lots');
    expect(result.current.view.memoryMin).toBeUndefined();
    expect(result.current.problems[0]).toContain('memoryMin');
  });
});
