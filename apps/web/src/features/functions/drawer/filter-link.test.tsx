// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:8080//evil.example/x?region=all"}
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE, ORIGIN, setBase } from '../../../lib/test-support/hostile-page.ts';
import { ViewProvider } from '../../../lib/view-context.tsx';
import { DEFAULT_VIEW } from '../../../lib/view-state.ts';
import { FilterLink } from './filter-link.tsx';

describe.each([undefined, '/', '/tools/fc-fleet/'])(
  'a drawer filter link at //evil.example/x, <base href=%j>',
  (base) => {
    beforeEach(() => setBase(base));
    afterEach(() => {
      cleanup();
      setBase(undefined);
    });

    it('keeps filter links on this origin, under the base path', () => {
      expect(window.location.href).toBe(HOSTILE);
      render(
        <ViewProvider view={{ ...DEFAULT_VIEW, regions: 'all' }} go={() => {}}>
          <FilterLink name="vpcId" value="vpc-1" />
        </ViewProvider>,
      );
      const link = screen.getByRole('link', { name: 'vpc-1' });
      expect(link.getAttribute('href')).toBe('./?region=all&vpcId=vpc-1');
      // What a click, Ctrl-click or middle-click follows: the href as the browser resolved it.
      const target = new URL(link.closest('a')?.href ?? '');
      expect(target.origin).toBe(ORIGIN);
      if (base) expect(target.href).toBe(`${ORIGIN}${base}?region=all&vpcId=vpc-1`);
    });
  },
);
