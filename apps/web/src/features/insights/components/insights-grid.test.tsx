// @vitest-environment jsdom
import { type InsightPick, pickParams } from '@fc-fleet/fleet-contract';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseView, serializeView } from '../../../lib/url-state.ts';
import { ANSWER } from '../test-support/answer.ts';
import { InsightsGrid } from './insights-grid.tsx';

// A view with filters of its own: a pick keeps them and narrows further.
const TABLE = '?account=all&region=all&tags=team=data&has=vpc&sort=memorySize:desc&theme=dark';
const VIEW = parseView(TABLE, 'insights').view;

/** Each card's links, as the test expects them from the answer alone: the pick and the count. */
const EXPECTED: Record<string, [InsightPick, number][]> = {
  Totals: [
    [{ kind: 'view' }, 120],
    [{ kind: 'view' }, 120],
    [{ kind: 'view' }, 120],
    [{ kind: 'has', has: 'gpu' }, 5],
  ],
  // The function without a runtime has no filter to list it, so no link.
  Runtimes: [
    [{ kind: 'runtime', runtime: 'python3.10' }, 50],
    [{ kind: 'runtime', runtime: 'nodejs8' }, 41],
    [{ kind: 'runtime', runtime: 'python3.9' }, 20],
    [{ kind: 'runtime', runtime: 'custom-container' }, 8],
  ],
  'Runtime lifecycle': [
    [{ kind: 'lifecycle', lifecycle: 'deprecated' }, 41],
    [{ kind: 'lifecycle', lifecycle: 'eol' }, 20],
    [{ kind: 'lifecycle', lifecycle: 'current' }, 59],
  ],
  Regions: [
    [{ kind: 'region', region: 'cn-hangzhou' }, 70],
    [{ kind: 'region', region: 'cn-shanghai' }, 50],
  ],
  Accounts: [
    [{ kind: 'account', account: 'prod', regions: ['cn-hangzhou', 'cn-shanghai'] }, 100],
    [{ kind: 'account', account: 'staging', regions: ['cn-shanghai'] }, 20],
  ],
  'Tag env': [
    [{ kind: 'tag', key: 'env', value: 'prod' }, 60],
    [{ kind: 'tag', key: 'env', value: null }, 40],
    [{ kind: 'tag', key: 'env', value: '=HYPERLINK("x")' }, 20],
  ],
  'Tag team': [[{ kind: 'tag', key: 'team', value: 'data' }, 120]],
  // Smallest first; functions that do not say have no link.
  'Memory sizes': [
    [{ kind: 'memory', memorySize: 512 }, 80],
    [{ kind: 'memory', memorySize: 1024 }, 30],
  ],
  'Network and storage': [
    [{ kind: 'internet', withoutVpc: false }, 100],
    [{ kind: 'internet', withoutVpc: true }, 70],
    [{ kind: 'withoutVpc' }, 75],
    [{ kind: 'has', has: 'nas' }, 12],
    [{ kind: 'has', has: 'oss' }, 9],
  ],
  'Image acceleration': [
    [{ kind: 'acceleration', state: 'Ready' }, 6],
    [{ kind: 'acceleration', state: 'None' }, 2],
  ],
  // Bars by type first (every region of the view), then the table by type and region.
  'GPU inventory': [
    [{ kind: 'gpu', gpuType: 'fc.gpu.tesla.1' }, 4],
    [{ kind: 'gpu', gpuType: 'fc.gpu.future.9' }, 1],
    [{ kind: 'gpu', gpuType: 'fc.gpu.tesla.1', region: 'cn-hangzhou' }, 4],
    [{ kind: 'gpu', gpuType: 'fc.gpu.future.9', region: 'cn-shanghai' }, 1],
  ],
};

const card = (title: string) => screen.getByRole('region', { name: title });
/** The table links of a card: where each goes (its query string), its count and its name. */
const linksOf = (element: HTMLElement, testId = 'insight-link') =>
  within(element)
    .queryAllByTestId(testId)
    .map((a) => {
      const href = a.getAttribute('href') ?? '';
      return {
        path: href.slice(0, href.indexOf('?')),
        search: new URL(href, 'http://h/').search,
        count: a.dataset.count,
        name: a.getAttribute('aria-label'),
      };
    });

afterEach(cleanup);

describe('insights charts', () => {
  it("gives every element one link to the table of exactly its functions: pickParams' query, its count", () => {
    render(<InsightsGrid answer={ANSWER} view={VIEW} tableSearch={TABLE} showAccounts />);
    for (const [title, expected] of Object.entries(EXPECTED)) {
      const links = linksOf(card(title));
      expect(
        links.map((l) => [l.path, new URLSearchParams(l.search).toString(), l.count]),
        title,
      ).toEqual(
        expected.map(([pick, count]) => [
          './',
          pickParams(new URLSearchParams(TABLE), pick).toString(),
          String(count),
        ]),
      );
      // The table reads every filter a pick writes: nothing of the link is dropped on arrival.
      for (const link of links)
        expect(parseView(link.search).problems, `${title} ${link.search}`).toEqual([]);
    }
    expect(linksOf(card('Runtimes')).map((l) => l.name)).toContain('nodejs8 · deprecated: 41 functions');
    expect(linksOf(card('Tag env')).map((l) => l.name)).toContain('no env tag: 40 functions');
  });

  it('shows each chart as a table with the same numbers and the same links', () => {
    render(<InsightsGrid answer={ANSWER} view={VIEW} tableSearch={TABLE} showAccounts />);
    for (const title of Object.keys(EXPECTED)) {
      const section = card(title);
      const toggle = within(section).queryByRole('button', { name: 'Show as table' });
      if (!toggle) throw new Error(`${title} has no table view`);
      // The GPU inventory shows its table by region beside the bars by type; as a table, one table
      // of both: each type's line for the whole view (the bar's link), then its regions.
      if (title === 'GPU inventory') {
        const all = linksOf(section);
        fireEvent.click(toggle);
        expect(within(section).getAllByRole('table')).toHaveLength(1);
        const byHref = (a: { search: string }, b: { search: string }) => a.search.localeCompare(b.search);
        expect(linksOf(section).sort(byHref)).toEqual(all.sort(byHref));
        continue;
      }
      const chart = linksOf(section);
      expect(within(section).queryByRole('table')).toBeNull();
      fireEvent.click(toggle);
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      expect(within(section).getByRole('table')).toBeTruthy();
      expect(linksOf(section), title).toEqual(chart);
      // The numbers on screen are the counts the links stand for.
      expect(
        within(section)
          .getAllByTestId('insight-link')
          .map((a) => a.textContent),
      ).toEqual(chart.map((l) => Number(l.count).toLocaleString('en-US')));
    }
  });

  it('links each day to its changes: the same view on the Changes page, since the day until the next', () => {
    render(<InsightsGrid answer={ANSWER} view={VIEW} tableSearch={TABLE} showAccounts />);
    const days = linksOf(card('Changes per day, last 2 days'), 'insight-changes-link');
    expect(days.map((d) => [d.path, d.count, d.name])).toEqual([
      ['./changes', '14', '2026-11-27: 3 created, 10 modified, 1 deleted'],
      ['./changes', '2', '2026-11-28: 0 created, 2 modified, 0 deleted'],
    ]);
    const read = parseView(days[0]?.search ?? '', 'changes', Date.parse(ANSWER.at));
    expect(read.problems).toEqual([]);
    expect(read.view.changes).toEqual({ since: '2026-11-27', until: '2026-11-28' });
    expect(read.view).toMatchObject({
      account: 'all',
      regions: 'all',
      has: ['vpc'],
      text: { tags: 'team=data' },
    });
  });

  it('links no element that counts no function: a pick against the view would list others', () => {
    // Under `lifecycle=deprecated` the other statuses count none; their pick would replace the filter.
    const view = parseView('?region=all&lifecycle=deprecated&internetAccess=false', 'insights').view;
    const answer = {
      ...ANSWER,
      byLifecycle: ANSWER.byLifecycle.map((c) => (c.value === 'deprecated' ? c : { ...c, count: 0 })),
      network: { ...ANSWER.network, internet: 0, internetWithoutVpc: 0 },
    };
    render(
      <InsightsGrid
        answer={answer}
        view={view}
        tableSearch={serializeView({ ...view, page: 'functions' })}
        showAccounts
      />,
    );
    expect(linksOf(card('Runtime lifecycle')).map((l) => l.name)).toEqual(['Deprecated by FC: 41 functions']);
    expect(within(card('Runtime lifecycle')).getAllByText('0')).toHaveLength(2);
    expect(linksOf(card('Network and storage')).map((l) => l.name)).toEqual([
      'No VPC: 75 functions',
      'NAS mounted: 12 functions',
      'OSS mounted: 9 functions',
    ]);
  });

  it('shows the accounts only when several are configured', () => {
    render(<InsightsGrid answer={ANSWER} view={VIEW} tableSearch={TABLE} showAccounts={false} />);
    expect(screen.queryByRole('region', { name: 'Accounts' })).toBeNull();
  });
});
