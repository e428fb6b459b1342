// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RuntimeLifecycleText } from '../drawer/runtime-lifecycle-text.tsx';
import { RuntimeCell } from './cells.tsx';

afterEach(cleanup);
const NOW = new Date('2026-11-28T12:00:00Z');

describe('runtime lifecycle on screen', () => {
  it('badges a deprecated runtime and one past its end of life, with the day in the name', () => {
    render(
      <>
        <RuntimeCell runtime="nodejs8" now={NOW} />
        <RuntimeCell runtime="python3.9" now={NOW} />
        <RuntimeCell runtime="python3.12" now={NOW} />
      </>,
    );
    const deprecated = screen.getByTitle('Deprecated by Function Compute since 2025-04-20');
    expect(deprecated.textContent).toBe('deprecatedDeprecated by Function Compute since 2025-04-20');
    expect(screen.getByTitle('Python 3.9 end of life 2025-10-31')).toBeTruthy();
    // A current runtime has no badge.
    expect(screen.getAllByTitle(/since|end of life/)).toHaveLength(2);
  });

  it('says in the drawer the status, its day and its source, as a link', () => {
    render(<RuntimeLifecycleText runtime="python3.10" now={NOW} />);
    expect(screen.getByText('Language end of life')).toBeTruthy();
    expect(screen.getByText('Python 3.10 end of life 2026-10-31')).toBeTruthy();
    const source = screen.getByRole('link', { name: 'Source: Python version status' });
    expect(source.getAttribute('href')).toBe('https://devguide.python.org/versions/');
    cleanup();
    render(<RuntimeLifecycleText runtime="python3.12" now={NOW} />);
    expect(screen.getByText('Current')).toBeTruthy();
    expect(screen.getByText('Python 3.12 reaches its end of life 2028-10-31')).toBeTruthy();
  });
});
