import { formatTable } from '../shared/stats.ts';
import { type LoadOptions, runLoad } from './load-harness.ts';

/** The views engineers share in a chat during an incident. */
export const SHARED_VIEWS = [
  '',
  'prefix=payments-',
  'has=vpc',
  'has=gpu',
  'runtime=python3.10',
  'q=checkout',
  'has=nas,vpc',
  'sort=lastModifiedTime:desc',
];

/** The full load test: 200 clients scrolling shared views for 60 s against a throttling emulator. */
export async function runLoadBench(overrides: Partial<LoadOptions> = {}): Promise<void> {
  const options: LoadOptions = {
    connections: 200,
    durationSec: 60,
    functionsPerRegion: 5000,
    emulatorLimitPerSecond: 30,
    upstreamRps: 20,
    views: SHARED_VIEWS,
    ...overrides,
  };
  const r = await runLoad(options);
  console.log(
    `\n## BFF under load: ${options.connections} clients scrolling ${options.views.length} shared views for ${options.durationSec} s\n`,
  );
  console.log(
    `emulator: ${options.functionsPerRegion.toLocaleString('en-US')} functions, throttles above ${options.emulatorLimitPerSecond} calls/s; BFF: FC_UPSTREAM_RPS=${options.upstreamRps}\n`,
  );
  console.log(
    formatTable(
      [
        'requests',
        'req/s',
        'p50',
        'p99',
        'non-2xx',
        'errors',
        'upstream calls',
        'upstream / request',
        'upstream calls/s (limit)',
        'throttled',
        'peak RSS',
        'indexed functions',
      ],
      [
        [
          r.requests.toLocaleString('en-US'),
          r.rps.toFixed(0),
          `${r.p50Ms} ms`,
          `${r.p99Ms} ms`,
          String(r.non2xx),
          String(r.errors),
          String(r.upstreamAttempts),
          r.upstreamPerRequest.toFixed(4),
          `${r.upstreamPerSecond.toFixed(1)} (${options.upstreamRps})`,
          String(r.upstreamThrottles),
          `${r.peakRssMb.toFixed(0)} MB`,
          r.indexedFunctions.toLocaleString('en-US'),
        ],
      ],
    ),
  );
}
