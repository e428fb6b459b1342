// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import type { RegionSync } from '../api/types.ts';
import { ViewStatus, type ViewStatusProps } from './view-status.tsx';

const region: RegionSync = {
  account: 'prod',
  region: 'cn-hangzhou',
  state: 'ready',
  syncedAt: new Date(Date.now() - 42_000).toISOString(),
  functions: 1500,
  seen: 1500,
  stale: false,
};
const props: ViewStatusProps = {
  total: 1234,
  regions: [region],
  staleAfterMs: 900_000,
  showAccount: false,
  refreshing: false,
  refresh: () => {},
  refreshError: null,
};

afterEach(cleanup);

describe('ViewStatus', () => {
  it('shows the total, the age of the data with its exact time on hover, and Refresh', () => {
    const refresh = vi.fn();
    render(<ViewStatus {...props} refresh={refresh} />);
    expect(screen.getByTestId('view-total').textContent).toBe('1,234 functions');
    const freshness = screen.getByTestId('freshness');
    expect(freshness.textContent).toBe('synced 40 s ago');
    expect(freshness.getAttribute('title')).toMatch(/^cn-hangzhou: last synced \d{4}-\d\d-\d\d /);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('shows progress while refreshing and a failed region as an alert', () => {
    const failed: RegionSync = {
      ...region,
      region: 'cn-shanghai',
      state: 'failed',
      lastError: { code: 'ServiceUnavailable', message: 'down' },
    };
    render(<ViewStatus {...props} regions={[region, failed]} refreshing />);
    const button = screen.getByRole('button', { name: 'Refreshing…' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Syncing…');
    expect(screen.getByRole('alert').textContent).toMatch(
      /^cn-shanghai: last sync failed .* — ServiceUnavailable: down;/,
    );
  });

  it('says why a refresh was refused', () => {
    const error = new ApiError(
      'RateLimited',
      'Refresh was asked 6 times in the last minute; try again in 40 s.',
      429,
    );
    render(<ViewStatus {...props} refreshError={error} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Refresh refused: Refresh was asked 6 times in the last minute; try again in 40 s.',
    );
  });
});
