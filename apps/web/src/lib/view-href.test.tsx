// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:8080//evil.example/x?region=all"}
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilterLink } from '../features/functions/drawer/filter-link.tsx';
import { navigateTo } from './use-view-state.ts';
import { viewHref } from './view-href.ts';
import { DEFAULT_VIEW } from './view-state.ts';

// The page is open at a path the browser reads as a protocol-relative URL: `//evil.example/x`.
// Links built from `location.pathname` would point at http://evil.example/x.
const HOSTILE = 'http://127.0.0.1:8080//evil.example/x?region=all';
const ORIGIN = 'http://127.0.0.1:8080';

function setBase(href: string | undefined) {
  document.querySelector('base')?.remove();
  if (href === undefined) return;
  const base = document.createElement('base');
  base.href = href;
  document.head.prepend(base);
}

describe.each([undefined, '/', '/tools/fc-fleet/'])(
  'links on a page at //evil.example/x, <base href=%j>',
  (base) => {
    beforeEach(() => setBase(base));
    afterEach(() => {
      cleanup();
      setBase(undefined);
    });

    it('builds row links as ./?query, resolved on this origin', () => {
      const href = viewHref({ ...DEFAULT_VIEW, fn: { region: 'cn-hangzhou', name: 'api' } });
      expect(href).toBe('./?fn=cn-hangzhou/api');
      const target = new URL(href, document.baseURI);
      expect(target.origin).toBe(ORIGIN);
      // Without a <base> (the Vite dev server) the path is the page's own directory, still this origin.
      if (base) expect(target.href).toBe(`${ORIGIN}${base}?fn=cn-hangzhou/api`);
      expect(viewHref(DEFAULT_VIEW)).toBe('./');
    });

    it('keeps filter links on this origin, under the base path', () => {
      expect(window.location.href).toBe(HOSTILE);
      render(
        <FilterLink view={{ ...DEFAULT_VIEW, regions: 'all' }} name="vpcId" value="vpc-1" go={() => {}} />,
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

describe('navigating from a hostile path', () => {
  afterEach(() => setBase(undefined));

  it('writes the view on this origin instead of failing on a cross-origin pushState', () => {
    setBase('/');
    expect(() => navigateTo({ ...DEFAULT_VIEW, has: ['gpu'] })).not.toThrow();
    expect(window.location.href).toBe(`${ORIGIN}/?has=gpu`);
  });
});
