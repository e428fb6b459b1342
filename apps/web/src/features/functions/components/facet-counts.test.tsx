// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../../lib/view-state.ts';
import type { FacetsAnswer, Meta } from '../api/types.ts';
import { FacetBar } from './facet-bar.tsx';
import { countsOf } from './facet-options.ts';
import { FacetSelects } from './facet-selects.tsx';
import { RegionPicker } from './region-picker.tsx';
import { footerText } from './table-footer.tsx';

const facets: FacetsAnswer = {
  total: 203,
  facets: {
    runtime: [
      { value: 'nodejs18', count: 203 },
      { value: 'python3.10', count: 1247 },
    ],
    gpuType: [{ value: null, count: 203 }],
    region: [
      { value: 'cn-hangzhou', count: 203 },
      { value: 'cn-beijing', count: 198 },
    ],
    account: [{ value: 'prod', count: 203 }],
    fcVersion: [
      { value: 'v3', count: 189 },
      { value: 'v2', count: 14 },
    ],
    vpcId: [],
    internetAccess: [
      { value: true, count: 195 },
      { value: false, count: 8 },
    ],
    env: [
      { value: null, count: 60 },
      { value: 'prod', count: 51 },
    ],
    team: [{ value: 'data', count: 16 }],
    has: [
      { value: 'vpc', count: 97 },
      { value: 'logs', count: 137 },
    ],
    lifecycle: [
      { value: 'deprecated', count: 41 },
      { value: 'eol', count: 0 },
      { value: 'current', count: 162 },
    ],
  },
  regions: [],
};
const meta = {
  facets: { runtimes: ['nodejs18', 'nodejs8', 'python3.10'], gpuTypes: ['fc.gpu.tesla.1'], vpcIds: [] },
} as Pick<Meta, 'facets'> as Meta;
const view: ViewState = { ...DEFAULT_VIEW, text: { runtime: 'nodejs18' } };
const optionsOf = (label: string) =>
  within(screen.getByRole('combobox', { name: label }))
    .getAllByRole('option')
    .map((o) => [o.textContent, (o as HTMLOptionElement).disabled]);

// The day decides a runtime's status: nodejs18 is past its end of life, python3.10 not yet.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-15T12:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('facet counts in the filter controls', () => {
  it('shows each runtime with its count; one no function has is disabled', () => {
    render(<FacetSelects view={view} meta={meta} facets={facets} setView={() => {}} />);
    expect(optionsOf('Runtime')).toEqual([
      ['Any runtime', false],
      ['nodejs18 · EOL (203)', false],
      ['nodejs8 · deprecated (0)', true],
      ['python3.10 (1,247)', false],
    ]);
    expect(optionsOf('Runtime lifecycle')).toEqual([
      ['Lifecycle: any', false],
      ['Deprecated by FC (41)', false],
      ['Language end of life (0)', true],
      ['Current (162)', false],
    ]);
    expect(optionsOf('GPU type')).toEqual([
      ['Any GPU type', false],
      ['fc.gpu.tesla.1 (0)', true],
    ]);
    expect(optionsOf('FC version')).toContainEqual(['FC 2.0 only (14)', false]);
    expect(optionsOf('Internet access')).toContainEqual(['Internet: no (8)', false]);
    expect(optionsOf('Tag env')).toEqual([
      ['env: any', false],
      ['env: none (60)', false],
      ['env: prod (51)', false],
    ]);
    expect(optionsOf('Tag team')).toContainEqual(['team: none (0)', true]);
  });

  it('keeps a chosen value with no function selectable, and plain labels while counts load', () => {
    const chosen = { ...view, text: { runtime: 'nodejs8', tags: 'team=gone' } };
    render(<FacetSelects view={chosen} meta={meta} facets={facets} setView={() => {}} />);
    expect(optionsOf('Runtime')).toContainEqual(['nodejs8 · deprecated (0)', false]);
    expect(optionsOf('Tag team')).toContainEqual(['team: gone (0)', false]);
    cleanup();
    render(<FacetSelects view={view} meta={meta} setView={() => {}} />);
    expect(optionsOf('Runtime')).toContainEqual(['nodejs8 · deprecated', false]);
  });

  it('sets a tag from its select, keeping the other tags', () => {
    const setView = vi.fn();
    const tagged = { ...view, text: { tags: 'team=data' } };
    render(<FacetSelects view={tagged} meta={meta} facets={facets} setView={setView} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag env' }), { target: { value: 'prod' } });
    const update = setView.mock.calls[0]?.[0] as (v: ViewState) => ViewState;
    expect(update(tagged).text.tags).toBe('team=data,env=prod');
  });

  it('asks for functions without a tag from its select, and shows that choice back', () => {
    const setView = vi.fn();
    const tagged = { ...view, text: { tags: 'team=data,env=prod' } };
    render(<FacetSelects view={tagged} meta={meta} facets={facets} setView={setView} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag env' }), { target: { value: '!' } });
    const update = setView.mock.calls[0]?.[0] as (v: ViewState) => ViewState;
    expect(update(tagged).text.tags).toBe('team=data,!env');
    cleanup();
    render(
      <FacetSelects
        view={{ ...view, text: { tags: '!env' } }}
        meta={meta}
        facets={facets}
        setView={setView}
      />,
    );
    const env = screen.getByRole('combobox', { name: 'Tag env' }) as HTMLSelectElement;
    expect(env.selectedOptions[0]?.textContent).toBe('env: none (60)');
  });

  it('filters by lifecycle from its select', () => {
    const setView = vi.fn();
    render(<FacetSelects view={view} meta={meta} facets={facets} setView={setView} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Runtime lifecycle' }), {
      target: { value: 'deprecated' },
    });
    const update = setView.mock.calls[0]?.[0] as (v: ViewState) => ViewState;
    expect(update(view).lifecycle).toBe('deprecated');
  });

  it('shows feature counts beside the toggles; a feature no function has is disabled unless on', () => {
    render(<FacetBar view={{ ...view, has: ['gpu'] }} counts={countsOf(facets, 'has')} setView={() => {}} />);
    const vpc = screen.getByRole('button', { name: 'VPC' });
    expect(vpc.textContent).toBe('VPC97');
    expect(vpc.getAttribute('title')).toBe(
      '97 functions in this view have VPC, not counting the features chosen',
    );
    expect(screen.getByRole('button', { name: 'NAS' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'GPU' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows each region with its count in the region picker', () => {
    render(
      <RegionPicker
        regions={['cn-hangzhou', 'cn-shanghai', 'cn-beijing']}
        value={[]}
        counts={countsOf(facets, 'region')}
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'cn-beijing 198 functions' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'cn-shanghai 0 functions' })).toBeTruthy();
  });

  it('the footer says how many of the total are loaded', () => {
    expect(footerText({ loaded: 100, total: 1234, hasMore: true, fetching: false })).toBe(
      '100 of 1,234 functions loaded, more…',
    );
    expect(footerText({ loaded: 100, hasMore: true, fetching: false })).toBe('100 functions loaded, more…');
    expect(footerText({ loaded: 1234, total: 1234, hasMore: false, fetching: false })).toBe(
      'All 1,234 functions',
    );
  });

  it("the footer never counts the previous view's rows as this view's while it loads", () => {
    expect(footerText({ loaded: 0, hasMore: false, fetching: true, switching: true })).toBe('Loading…');
    expect(footerText({ loaded: 0, hasMore: false, fetching: false })).toBe('All 0 functions');
  });
});
