// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseView } from './url-state.ts';
import { useView, ViewProvider } from './view-context.tsx';
import { DEFAULT_VIEW, isFiltered, selectionKey } from './view-state.ts';

function Account() {
  const { view } = useView();
  return <span data-testid="account">{view.account ?? '(first)'}</span>;
}

afterEach(cleanup);

describe('the view a part of the page shows', () => {
  it('reaches components through the nearest provider, which a part of the page can override', () => {
    const go = () => {};
    render(
      <ViewProvider view={{ ...DEFAULT_VIEW, account: 'all' }} go={go}>
        <Account />
        <ViewProvider view={{ ...DEFAULT_VIEW, account: 'prod' }} go={go}>
          <Account />
        </ViewProvider>
      </ViewProvider>,
    );
    expect(screen.getAllByTestId('account').map((e) => e.textContent)).toEqual(['all', 'prod']);
  });

  it('is a wiring mistake outside a provider', () => {
    expect(() => render(<Account />)).toThrow('useView() outside a ViewProvider');
  });

  it('keys the same selection the same way, whatever the order of its lists or the sort', () => {
    const key = (search: string) => selectionKey(parseView(search).view);
    expect(key('?has=vpc,gpu&lacks=oss,nas&sort=name:desc')).toBe(key('?lacks=nas,oss&has=gpu,vpc'));
    expect(key('?has=vpc,gpu&lacks=oss,nas')).toBe('has=gpu%2Cvpc&lacks=nas%2Coss');
    expect(key('?has=vpc')).not.toBe(key('?has=gpu'));
    // Text filters count without the spaces around them; only spaces is no filter.
    expect(key('?q=%20pay%20&prefix=%20%20')).toBe(key('?q=pay'));
    expect(key('?q=pay')).toBe('q=pay');
  });

  it('calls a view filtered when it narrows more than its account and regions', () => {
    const filtered = (search: string) => isFiltered(parseView(search).view);
    expect(filtered('?account=all&region=all&sort=memorySize:desc&theme=dark&embed=1&fn=cn-hangzhou/f')).toBe(
      false,
    );
    for (const search of [
      '?q=pay',
      '?has=gpu',
      '?lacks=vpc',
      '?lifecycle=eol',
      '?memoryMin=1024',
      '?tags=!env',
      '?changed=1h',
    ])
      expect(filtered(search), search).toBe(true);
  });
});
