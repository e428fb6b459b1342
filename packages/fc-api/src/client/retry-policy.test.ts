import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffDelay, createRetryBudget, DEFAULT_RETRY } from './retry-policy.ts';

describe('the retry budget', () => {
  it('spends its cost per retry, refunds a little per success, and never holds more than its capacity', () => {
    const budget = createRetryBudget({ capacity: 12, retryCost: 5, successRefund: 2 });
    expect(budget.available()).toBe(12);
    expect([budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire()]).toEqual([true, true, false]);
    expect(budget.available()).toBe(2);
    budget.recordSuccess();
    expect(budget.available()).toBe(4);
    budget.recordSuccess();
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.available()).toBe(1);
    for (let i = 0; i < 20; i++) budget.recordSuccess();
    expect(budget.available()).toBe(12);
  });

  it('defaults to 50 tokens, 5 a retry and 1 back per success', () => {
    const budget = createRetryBudget();
    for (let i = 0; i < 10; i++) expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(false);
    budget.recordSuccess();
    expect(budget.available()).toBe(1);
  });
});

describe('the backoff', () => {
  const options = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };

  it('draws below a ceiling that doubles per retry up to the largest', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, options, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
  });

  it('never waits less than the server asked', () => {
    expect(backoffDelay(1, options, () => 0.5, 3000)).toBe(3000);
    expect(backoffDelay(4, options, () => 0.999_999, 10)).toBe(799);
  });

  it('sleeps, or stops at once with the reason when aborted before or during', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
    const before = new AbortController();
    before.abort(new Error('stopped'));
    await expect(abortableSleep(10_000, before.signal)).rejects.toThrow('stopped');
    const during = new AbortController();
    const sleeping = abortableSleep(10_000, during.signal);
    during.abort(new Error('later'));
    await expect(sleeping).rejects.toThrow('later');
    // A sleep that ends leaves no listener on a signal a client keeps for many calls.
    const kept = new AbortController();
    for (let i = 0; i < 5; i++) await abortableSleep(1, kept.signal);
    expect(getEventListeners(kept.signal, 'abort')).toHaveLength(0);
  });
});
