import { createEmulator } from '@fc-fleet/fc-emulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { startDemoChurn } from './demo-churn.ts';

const logger = createLogger({ level: 'error', sink: () => {} });
const demo = () =>
  createEmulator({ fleet: { regions: ['cn-hangzhou', 'cn-shanghai'], functionsPerRegion: 50 } });
/** The whole fleet as text, to tell whether anything changed. */
const fleetText = (emulator: ReturnType<typeof demo>) =>
  JSON.stringify(
    emulator.fleet.regions().map((region) => [...(emulator.fleet.region(region)?.scan(undefined) ?? [])]),
  );

describe('startDemoChurn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('changes the demo fleet on every tick and not between ticks, until stopped', () => {
    const emulator = demo();
    const timer = startDemoChurn({ demo: true, emulator }, 20, logger);
    expect(timer).toBeDefined();
    const start = fleetText(emulator);
    vi.advanceTimersByTime(19_999);
    expect(fleetText(emulator)).toBe(start);
    vi.advanceTimersByTime(1);
    const first = fleetText(emulator);
    expect(first).not.toBe(start);
    vi.advanceTimersByTime(20_000);
    expect(fleetText(emulator)).not.toBe(first);
    timer?.stop();
    const stopped = fleetText(emulator);
    vi.advanceTimersByTime(120_000);
    expect(fleetText(emulator)).toBe(stopped);
  });

  it('never runs outside demo mode, without the demo emulator, or at FC_DEMO_CHURN_SECONDS=0', () => {
    const emulator = demo();
    const start = fleetText(emulator);
    expect(startDemoChurn({ demo: false, emulator }, 20, logger)).toBeUndefined();
    expect(startDemoChurn({ demo: true }, 20, logger)).toBeUndefined();
    expect(startDemoChurn({ demo: true, emulator }, 0, logger)).toBeUndefined();
    vi.advanceTimersByTime(600_000);
    expect(fleetText(emulator)).toBe(start);
    expect(vi.getTimerCount()).toBe(0);
  });
});
