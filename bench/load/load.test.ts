import { describe, expect, it } from 'vitest';
import { SHARED_VIEWS } from './load.bench.ts';
import { runLoad } from './load-harness.ts';

// The shortened load test: it asserts what must hold under load (no failed answer, every view
// answered from the index without one call to the cloud), never how fast it was.
describe('BFF under load (short run)', () => {
  it('answers every request from the index, with no upstream call during the load', async () => {
    const upstreamRps = 20;
    const durationSec = 6;
    const r = await runLoad({
      connections: 40,
      durationSec,
      functionsPerRegion: 3000,
      emulatorLimitPerSecond: 30,
      upstreamRps,
      views: SHARED_VIEWS,
    });
    console.log(
      `short load: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${r.upstreamAttempts} upstream calls, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    expect(r.requests).toBeGreaterThan(100);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r.indexedFunctions).toBe(3000);
    // The sync interval (300 s by default) is longer than the run: any call would be a request's.
    expect(r.upstreamAttempts).toBe(0);
    expect(r.upstreamThrottles).toBe(0);
  }, 60_000);
});
