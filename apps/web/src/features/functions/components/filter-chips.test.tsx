// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseView } from '../../../lib/url-state.ts';
import { DEFAULT_VIEW, type ViewState } from '../../../lib/view-state.ts';
import { FilterChips } from './filter-chips.tsx';

afterEach(cleanup);

const view = parseView(
  '?region=all&tags=!env,team=data&acceleration=Ready&lacks=vpc&lifecycle=deprecated&has=gpu&theme=dark',
).view;
const chips = () =>
  within(screen.getByRole('list', { name: 'Active filters' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace('×', '').trim());
/** Clicks a chip's remove button and returns the view it makes of `view`. */
function remove(label: string): ViewState {
  const setView = vi.fn();
  render(<FilterChips view={view} setView={setView} />);
  fireEvent.click(screen.getByRole('button', { name: `Remove filter ${label}` }));
  const update = setView.mock.calls[0]?.[0] as (v: ViewState) => ViewState;
  return update(view);
}

describe('filter chips', () => {
  it('names the lifecycle, lacks, acceleration and absent-tag filters', () => {
    render(<FilterChips view={view} setView={() => {}} />);
    expect(chips()).toEqual([
      'tags: team=data',
      'acceleration: Ready',
      'no env tag',
      'has gpu',
      'no vpc',
      'lifecycle: deprecated by FC',
      'Clear all',
    ]);
  });

  it('removes one filter each, an absent tag without the other tags', () => {
    expect(remove('no env tag').text.tags).toBe('team=data');
    cleanup();
    expect(remove('tags: team=data').text.tags).toBe('!env');
    cleanup();
    expect(remove('no vpc').lacks).toEqual([]);
    cleanup();
    expect(remove('lifecycle: deprecated by FC').lifecycle).toBeUndefined();
    cleanup();
    expect(remove('acceleration: Ready').text.acceleration).toBeUndefined();
  });

  it('clears them all with "Clear all", keeping the place and the theme', () => {
    const setView = vi.fn();
    render(<FilterChips view={view} setView={setView} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    const update = setView.mock.calls[0]?.[0] as (v: ViewState) => ViewState;
    expect(update(view)).toEqual({ ...DEFAULT_VIEW, regions: 'all', theme: 'dark' });
  });
});
