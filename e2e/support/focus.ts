import type { Page } from '@playwright/test';

/** What has the focus: its link facts, and how its focus shows (an outline, or its SVG ring's stroke). */
export interface Focus {
  testId: string;
  name: string;
  href: string;
  count: number;
  svg: boolean;
  focusVisible: boolean;
  /** The computed `outline-style outline-width`, such as `solid 2px`. */
  outline: string;
  /** The computed stroke of the element's first `<rect>` (an SVG link's focus ring), or ''. */
  ring: string;
}

/** The element that has the focus now, as {@link Focus} describes it. */
export const focusOf = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : undefined;
    const ring = el?.querySelector('rect');
    return {
      testId: el?.getAttribute('data-testid') ?? '',
      name: el?.getAttribute('aria-label') ?? '',
      href: el?.getAttribute('href') ?? '',
      count: Number(el?.getAttribute('data-count')),
      svg: el instanceof SVGElement,
      focusVisible: el?.matches(':focus-visible') ?? false,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      ring: ring ? getComputedStyle(ring).stroke : '',
    };
  });

/** Presses Tab until the focus is on an element that passes `done`; fails after `max` presses. */
export async function tabUntil(page: Page, done: (focus: Focus) => boolean, max = 60): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusOf(page);
    if (done(focus)) return focus;
  }
  throw new Error(`no such element within ${max} presses of Tab`);
}
