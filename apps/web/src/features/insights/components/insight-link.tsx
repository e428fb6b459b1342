import { type InsightPick, type InsightsAnswer, pickParams } from '@fc-fleet/fleet-contract';
import type { ReactNode } from 'react';
import { parseView, readableQuery } from '../../../lib/url-state.ts';
import { navigateTo } from '../../../lib/use-view-state.ts';
import { pageHref } from '../../../lib/view-href.ts';
import type { Page } from '../../../lib/view-state.ts';

/** Where a link of the insights goes: a page of the dashboard and its query string (`?…` or `''`). */
export interface LinkTarget {
  page: Page;
  search: string;
}

/**
 * The table that lists exactly the functions a pick counts: the contract's `pickParams` applied to
 * the view's table parameters (`tableSearch`, the query string of the same view on the table).
 * @example pickTarget('?region=all', { kind: 'runtime', runtime: 'nodejs8' }) // { page: 'functions', search: '?region=all&runtime=nodejs8' }
 */
export function pickTarget(tableSearch: string, pick: InsightPick): LinkTarget {
  return { page: 'functions', search: readableQuery(pickParams(new URLSearchParams(tableSearch), pick)) };
}

/** Builds the target of each pick of one view; what every chart is given. */
export type PickTo = (pick: InsightPick) => LinkTarget;

/** What a card of the insights is given: the answer of the view, its links' targets, its place in the grid. */
export interface CardProps {
  answer: InsightsAnswer;
  to: PickTo;
  className?: string;
}

/**
 * A link of the insights, in HTML or inside an SVG: a real `href` (open in a new tab, copy), a
 * plain click switches page in place. `count` is the number it stands for (`data-count`), `name`
 * its accessible name ("nodejs8: 41 functions").
 */
export function InsightLink({
  to,
  count,
  name,
  testId = 'insight-link',
  className,
  svg = false,
  children,
}: {
  to: LinkTarget;
  count: number;
  name: string;
  /** `insight-link` for links to the table; another id for links elsewhere (the Changes page). */
  testId?: string;
  className?: string;
  /** Inside an `<svg>`: the name shows on hover as an SVG `<title>` (React would hoist an HTML one). */
  svg?: boolean;
  children: ReactNode;
}) {
  return (
    <a
      href={pageHref(to.page, to.search)}
      aria-label={name}
      data-testid={testId}
      data-count={count}
      title={svg ? undefined : name}
      className={className}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        navigateTo(parseView(to.search, to.page).view);
      }}
    >
      {svg ? <title>{name}</title> : null}
      {children}
    </a>
  );
}

/** Where an element of a chart links: its target, its count and its accessible name. */
export interface ElementLink {
  to: LinkTarget;
  count: number;
  name: string;
  testId?: string;
}

/**
 * An element of an SVG chart: one link holding its shapes when it has somewhere to go, else a
 * group that still names it on hover.
 */
export function SvgElement({
  link,
  name,
  children,
}: {
  link?: ElementLink;
  name: string;
  children: ReactNode;
}) {
  return link ? (
    <InsightLink svg {...link} className="group outline-none">
      {children}
    </InsightLink>
  ) : (
    <g>
      <title>{name}</title>
      {children}
    </g>
  );
}
