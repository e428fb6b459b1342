import { describe, expect, it } from 'vitest';
import { SHARED_VIEWS } from './load.bench.ts';
import { runLoad } from './load-harness.ts';

// The shortened load test: it asserts what must hold under load (no failed answer, the upstream
// call rate under the configured limit, the cache inside its budget), never how fast it was.
describe('BFF under load (short run)', () => {
  it('answers every request while staying under the upstream limit and the memory budget', async () => {
    const upstreamRps = 20;
    const durationSec = 6;
    const r = await runLoad({
      connections: 40,
      durationSec,
      functionsPerRegion: 3000,
      emulatorLimitPerSecond: 30,
      upstreamRps,
      cacheMaxMb: 16,
      views: SHARED_VIEWS,
    });
    console.log(
      `short load: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${r.upstreamAttempts} upstream calls, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    expect(r.requests).toBeGreaterThan(100);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
    // A token bucket allows one second of burst on top of the steady rate.
    expect(r.upstreamAttempts).toBeLessThanOrEqual(upstreamRps * (durationSec + 1));
    expect(r.upstreamThrottles).toBe(0);
    expect(r.cacheBytesMb).toBeLessThanOrEqual(16);
  }, 60_000);
});
