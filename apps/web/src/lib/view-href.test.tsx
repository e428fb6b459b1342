// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:8080//evil.example/x?region=all"}
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE, ORIGIN, setBase } from './test-support/hostile-page.ts';
import { navigateTo } from './use-view-state.ts';
import { currentPage, pageOf, viewHref } from './view-href.ts';
import { DEFAULT_VIEW } from './view-state.ts';

describe.each([undefined, '/', '/tools/fc-fleet/'])(
  'links on a page at //evil.example/x, <base href=%j>',
  (base) => {
    beforeEach(() => setBase(base));
    afterEach(() => {
      cleanup();
      setBase(undefined);
    });

    it('builds row links as ./?query, resolved on this origin', () => {
      expect(window.location.href).toBe(HOSTILE);
      const href = viewHref({ ...DEFAULT_VIEW, fn: { region: 'cn-hangzhou', name: 'api' } });
      expect(href).toBe('./?fn=cn-hangzhou/api');
      const target = new URL(href, document.baseURI);
      expect(target.origin).toBe(ORIGIN);
      // Without a <base> (the Vite dev server) the path is the page's own directory, still this origin.
      if (base) expect(target.href).toBe(`${ORIGIN}${base}?fn=cn-hangzhou/api`);
      expect(viewHref(DEFAULT_VIEW)).toBe('./');
    });

    it('builds Changes links as ./changes?query, under the base path, and reads the hostile path as the table', () => {
      const href = viewHref({ ...DEFAULT_VIEW, page: 'changes', changes: { kinds: ['deleted'] } });
      expect(href).toBe('./changes?kind=deleted');
      const target = new URL(href, document.baseURI);
      expect(target.origin).toBe(ORIGIN);
      if (base) expect(target.href).toBe(`${ORIGIN}${base}changes?kind=deleted`);
      expect(currentPage()).toBe('functions');
    });
  },
);

describe('pageOf', () => {
  it('reads the segment after the base path, and nothing else', () => {
    expect(pageOf('http://h/changes', 'http://h/')).toBe('changes');
    expect(pageOf('http://h/changes/?kind=deleted', 'http://h/')).toBe('changes');
    expect(pageOf('http://h/tools/fc/changes?x=1', 'http://h/tools/fc/')).toBe('changes');
    expect(pageOf('http://h/tools/fc/', 'http://h/tools/fc/')).toBe('functions');
    expect(pageOf('http://h/?page=changes', 'http://h/')).toBe('functions');
    // Not under the base, or deeper than one segment: the table.
    expect(pageOf('http://h/changes', 'http://h/tools/fc/')).toBe('functions');
    expect(pageOf('http://h/x/changes', 'http://h/')).toBe('functions');
    expect(pageOf('http://h//evil.example/changes', 'http://h/')).toBe('functions');
  });

  it('reads the Insights page the same way, and only under the base', () => {
    expect(pageOf('http://h/insights', 'http://h/')).toBe('insights');
    expect(pageOf('http://h/tools/fc/insights/?region=all', 'http://h/tools/fc/')).toBe('insights');
    expect(pageOf('http://h/insights', 'http://h/tools/fc/')).toBe('functions');
    expect(pageOf('http://h/functions', 'http://h/')).toBe('functions');
    expect(pageOf('http://h/insightsx', 'http://h/')).toBe('functions');
    expect(viewHref({ ...DEFAULT_VIEW, page: 'insights', regions: 'all', lifecycle: 'eol' })).toBe(
      './insights?region=all&lifecycle=eol',
    );
  });
});

describe('navigating from a hostile path', () => {
  afterEach(() => setBase(undefined));

  it('writes the view on this origin instead of failing on a cross-origin pushState', () => {
    setBase('/');
    expect(() => navigateTo({ ...DEFAULT_VIEW, has: ['gpu'] })).not.toThrow();
    expect(window.location.href).toBe(`${ORIGIN}/?has=gpu`);
  });

  it('moves between the pages under the base, and back to the table', () => {
    setBase('/tools/fc-fleet/');
    navigateTo({ ...DEFAULT_VIEW, page: 'changes', has: ['gpu'] });
    expect(window.location.href).toBe(`${ORIGIN}/tools/fc-fleet/changes?has=gpu`);
    expect(currentPage()).toBe('changes');
    navigateTo({ ...DEFAULT_VIEW, has: ['gpu'] });
    expect(window.location.href).toBe(`${ORIGIN}/tools/fc-fleet/?has=gpu`);
    expect(currentPage()).toBe('functions');
  });
});
