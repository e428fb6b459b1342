import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from './abortable-sleep.ts';

describe('sleep', () => {
  it('leaves no abort listener behind, whether it times out, is woken or is aborted', async () => {
    const stopper = new AbortController();
    for (let i = 0; i < 50; i++) await sleep(1, stopper.signal);
    expect(getEventListeners(stopper.signal, 'abort')).toHaveLength(0);
    const wake: { fn?: () => void } = {};
    const woken = sleep(60_000, stopper.signal, wake);
    expect(getEventListeners(stopper.signal, 'abort')).toHaveLength(1);
    wake.fn?.();
    await woken;
    expect(getEventListeners(stopper.signal, 'abort')).toHaveLength(0);
    const aborted = sleep(60_000, stopper.signal);
    stopper.abort();
    await aborted;
    expect(getEventListeners(stopper.signal, 'abort')).toHaveLength(0);
  });
});
