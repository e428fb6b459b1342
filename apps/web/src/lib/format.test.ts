import { describe, expect, it } from 'vitest';
import { formatClock, formatMemory } from './format.ts';

describe('formatClock', () => {
  // Local times, so the expectations hold in any time zone the tests run in.
  const today = new Date(2026, 10, 28, 9, 35, 12).getTime();

  it('writes a time of today as hours and minutes, or with seconds when asked', () => {
    const at = new Date(2026, 10, 28, 9, 35, 12).toISOString();
    expect(formatClock(at, today)).toBe('09:35');
    expect(formatClock(at, today, { seconds: true })).toBe('09:35:12');
    // Two passes a quarter of a minute apart read apart with seconds.
    const later = new Date(2026, 10, 28, 9, 35, 27).toISOString();
    expect(formatClock(later, today, { seconds: true })).not.toBe(formatClock(at, today, { seconds: true }));
  });

  it('adds the day to a time of another day, and returns what is not a time as it came', () => {
    expect(formatClock(new Date(2026, 10, 27, 23, 5).toISOString(), today)).toBe('27 Nov, 23:05');
    expect(formatClock('not a time', today)).toBe('not a time');
  });
});

describe('formatMemory', () => {
  it('says MB, GB or, for totals, TB', () => {
    expect(formatMemory(512)).toBe('512 MB');
    expect(formatMemory(1536)).toBe('1.5 GB');
    expect(formatMemory(32_768)).toBe('32 GB');
    expect(formatMemory(1_048_576)).toBe('1 TB');
    expect(formatMemory(3_355_443)).toBe('3.2 TB');
    expect(formatMemory(null)).toBe('—');
  });
});
