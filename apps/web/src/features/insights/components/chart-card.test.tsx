// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellsOf } from '../../../lib/test-support/csv-cells.ts';
import { parseView } from '../../../lib/url-state.ts';
import { ANSWER } from '../test-support/answer.ts';
import { InsightsGrid } from './insights-grid.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Clicks a card's CSV button and returns the file it saved: its name and its cells. */
async function download(title: string): Promise<{ name: string; cells: string[][] }> {
  const saved: Blob[] = [];
  let name = '';
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:insights';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  fireEvent.click(screen.getByRole('button', { name: `Download ${title} as CSV` }));
  const [blob] = saved;
  expect(blob?.type).toBe('text/csv;charset=utf-8');
  return { name, cells: cellsOf((await blob?.text()) ?? '', ',') };
}

describe('a chart card', () => {
  it('downloads its numbers as CSV, raw, with text that starts like a formula made inert', async () => {
    render(
      <InsightsGrid answer={ANSWER} view={parseView('', 'insights').view} tableSearch="" showAccounts />,
    );
    const env = await download('Tag env');
    expect(env.name).toMatch(/^fc-fleet-tag-env-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(env.cells).toEqual([
      ['env', 'Functions'],
      ['prod', '60'],
      ['no env tag', '40'],
      [`'=HYPERLINK("x")`, '20'],
    ]);
    const gpu = await download('GPU inventory');
    expect(gpu.cells).toEqual([
      [
        'GPU type',
        'Region',
        'Card',
        'Functions',
        'GPU memory (MB)',
        'Card memory (MB)',
        'Share of card memory',
      ],
      // Each type for the whole view (its bar), then its regions.
      ['fc.gpu.tesla.1', 'all in view', 'NVIDIA T4', '4', '32768', '16384', '0.5'],
      ['fc.gpu.tesla.1', 'cn-hangzhou', 'NVIDIA T4', '4', '32768', '16384', '0.5'],
      ['fc.gpu.future.9', 'all in view', '', '1', '8192', '', ''],
      ['fc.gpu.future.9', 'cn-shanghai', '', '1', '8192', '', ''],
    ]);
    // On screen the same numbers read as people write them.
    expect(screen.getByRole('cell', { name: '50 %' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '32 GB' })).toBeTruthy();
  });

  it('says a card has nothing in the view instead of offering an empty table or file', () => {
    const noGpu = { ...ANSWER, gpu: [], byTag: { ...ANSWER.byTag, team: [] } };
    render(<InsightsGrid answer={noGpu} view={parseView('', 'insights').view} tableSearch="" showAccounts />);
    for (const [title, sentence] of [
      ['GPU inventory', 'No GPU functions in this view.'],
      ['Tag team', 'None in this view.'],
    ] as const) {
      const card = screen.getByRole('region', { name: title });
      expect(within(card).getByText(sentence)).toBeTruthy();
      expect(within(card).queryByRole('button')).toBeNull();
      expect(within(card).queryByRole('table')).toBeNull();
    }
    // A card with numbers keeps both.
    const env = screen.getByRole('region', { name: 'Tag env' });
    expect(
      within(env)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Show as table', 'CSV']);
  });
});
