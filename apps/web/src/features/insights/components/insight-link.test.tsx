// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:8080/fleet/insights?region=all"}
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBase } from '../../../lib/test-support/hostile-page.ts';
import { InsightLink, pickTarget } from './insight-link.tsx';

const to = pickTarget('?region=all&has=gpu&embed=1', { kind: 'lifecycle', lifecycle: 'deprecated' });

beforeEach(() => setBase('/fleet/'));
afterEach(() => {
  cleanup();
  setBase(undefined);
});

describe('a link of the insights', () => {
  it("goes to the table under the base with the pick's filters and the view's own parameters", () => {
    expect(to).toEqual({ page: 'functions', search: '?region=all&embed=1&has=gpu&lifecycle=deprecated' });
    render(
      <InsightLink to={to} count={41} name="Deprecated by FC: 41 functions">
        41
      </InsightLink>,
    );
    const link = screen.getByRole('link', { name: 'Deprecated by FC: 41 functions' });
    expect(link.getAttribute('href')).toBe('./?region=all&embed=1&has=gpu&lifecycle=deprecated');
    expect(link.dataset).toMatchObject({ testid: 'insight-link', count: '41' });
    expect(new URL(link.getAttribute('href') ?? '', document.baseURI).pathname).toBe('/fleet/');
  });

  it('switches page in place on a plain click, and leaves a modified click to the browser', () => {
    render(
      <InsightLink to={to} count={41} name="Deprecated by FC: 41 functions">
        41
      </InsightLink>,
    );
    const link = screen.getByRole('link');
    // fireEvent returns false when the handler prevented the default (the browser's navigation).
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(link, { metaKey: true })).toBe(true);
    expect(window.location.pathname).toBe('/fleet/insights');
    expect(fireEvent.click(link)).toBe(false);
    expect(window.location.pathname).toBe('/fleet/');
    expect(new URLSearchParams(window.location.search).get('lifecycle')).toBe('deprecated');
    expect(new URLSearchParams(window.location.search).get('embed')).toBe('1');
  });
});
