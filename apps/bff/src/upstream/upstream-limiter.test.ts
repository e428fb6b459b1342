import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpstreamLimiter } from './upstream-limiter.ts';

// The limiter under a fake clock: tasks are promises the test settles, so "in flight" and
// "started" are facts the test reads, not timings.
function tasks() {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  let active = 0;
  let peak = 0;
  const task = (id: number) => () =>
    new Promise<number>((resolve) => {
      started.push(id);
      active++;
      peak = Math.max(peak, active);
      finish.set(id, () => {
        active--;
        resolve(id);
      });
    });
  return { started, finish, task, peak: () => peak };
}

describe('the upstream limiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-28T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('keeps at most `concurrency` calls in flight, and starts the next as one ends, in order', async () => {
    const limit = createUpstreamLimiter({ concurrency: 3, ratePerSecond: 1000 });
    const t = tasks();
    const done = Array.from({ length: 8 }, (_, i) => limit.run(t.task(i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.started).toEqual([0, 1, 2]);
    expect(limit.load()).toEqual({ waiting: 5, active: 3 });
    t.finish.get(1)?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.started).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 8; i++) {
      t.finish.get(i)?.();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(t.peak()).toBe(3);
  });

  it('starts at most `ratePerSecond` calls a second after a burst of one second', async () => {
    const limit = createUpstreamLimiter({ concurrency: 100, ratePerSecond: 5 });
    const t = tasks();
    for (let i = 0; i < 12; i++) void limit.run(t.task(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.started).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(199);
    expect(t.started).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.started).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.started).toHaveLength(11);
  });

  it('drops a waiting caller whose signal aborts, without using a slot or a token', async () => {
    const limit = createUpstreamLimiter({ concurrency: 1, ratePerSecond: 1000 });
    const t = tasks();
    const first = limit.run(t.task(0));
    const stopper = new AbortController();
    const aborted = limit.run(t.task(1), stopper.signal);
    const third = limit.run(t.task(2));
    stopper.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    expect(limit.load()).toEqual({ waiting: 1, active: 1 });
    t.finish.get(0)?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.started).toEqual([0, 2]);
    t.finish.get(2)?.();
    expect(await Promise.all([first, third])).toEqual([0, 2]);
    await expect(limit.run(t.task(3), stopper.signal)).rejects.toThrow('gone');
  });
});
