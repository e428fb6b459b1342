import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { dayLabel, timelineItems } from './timeline-items.ts';

let next = 100;
function event(seenAt: string, passStartedAt: string, region = 'cn-hangzhou'): ChangeEvent {
  next--;
  return {
    id: String(next),
    kind: 'modified',
    account: 'demo',
    region,
    functionName: `fn-${next}`,
    seenAt,
    passStartedAt,
    changes: [],
  };
}

// Local noon on two days, so no time zone moves them across midnight.
const now = new Date(2026, 10, 28, 18, 0).getTime();
const today = (h: number) => new Date(2026, 10, 28, h, 0).toISOString();
const yesterday = (h: number) => new Date(2026, 10, 27, h, 0).toISOString();

describe('timelineItems', () => {
  it('heads each day and each run of one pass, counting its events, keeping the order', () => {
    const events = [
      event(today(12), today(11)),
      event(today(12), today(11)),
      event(today(12), today(11), 'cn-shanghai'),
      event(today(12), today(11)),
      event(yesterday(9), yesterday(8)),
    ];
    const items = timelineItems(events, now);
    expect(items.map((i) => (i.type === 'pass' ? `pass ${i.region} ${i.count}` : i.type))).toEqual([
      'day',
      'pass cn-hangzhou 2',
      'event',
      'event',
      'pass cn-shanghai 1',
      'event',
      'pass cn-hangzhou 1',
      'event',
      'day',
      'pass cn-hangzhou 1',
      'event',
    ]);
    expect(items.filter((i) => i.type === 'event').map((i) => i.key)).toEqual(events.map((e) => e.id));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('starts a new pass heading on a new day even for the same pass', () => {
    const items = timelineItems([event(today(0), yesterday(22)), event(yesterday(23), yesterday(22))], now);
    expect(items.map((i) => i.type)).toEqual(['day', 'pass', 'event', 'day', 'pass', 'event']);
  });

  it('names today and yesterday, and spells out older days', () => {
    expect(dayLabel(today(1), now)).toBe('Today');
    expect(dayLabel(yesterday(23), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 20, 12).toISOString(), now)).toBe('Fri, 20 Nov 2026');
  });
});
