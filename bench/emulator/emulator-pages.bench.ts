import type { FcClient } from '@fc-fleet/fc-api';
import { createEmulator } from '@fc-fleet/fc-emulator';
import { listenLocal } from '../shared/local-server.ts';
import {
  formatDuration,
  formatRate,
  formatTable,
  type Summary,
  sample,
  summarize,
  summaryRow,
} from '../shared/stats.ts';
import { emulatorClient, pager } from './emulator-pager.ts';

// ListFunctions pages per second through our client against the emulator: in-process through
// `app.fetch`, then over real HTTP on loopback. Both sign, verify, page and parse for real.

const REGION = 'cn-hangzhou';
const FUNCTIONS = 10_000;
const PAGE_SIZE = 100;
const LARGE_REGION = 100_000;

async function timePages(client: FcClient): Promise<Summary> {
  const pagesPerPass = Math.ceil(FUNCTIONS / PAGE_SIZE);
  // One full pass warms up, then up to five more passes are timed, one page per sample.
  return summarize(
    await sample(pager(client, PAGE_SIZE), {
      warmup: pagesPerPass,
      samples: 5 * pagesPerPass,
      budgetMs: 8000,
    }),
  );
}

function timeOnce(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** Pages/s in-process and over HTTP on a 10,000-function region, and the time to generate big regions. */
export async function runEmulatorPagesBench(): Promise<void> {
  const emulator = createEmulator({ fleet: { functionsPerRegion: FUNCTIONS, regions: [REGION] } });
  // Generate the region before any timing, so the first page does not carry it.
  const generate10k = timeOnce(() => emulator.fleet.region(REGION));

  const inProcess = emulatorClient(REGION, emulator.endpointTemplate('http://emulator'), emulator.fetch);
  const inProcessSummary = await timePages(inProcess);

  const server = await listenLocal(emulator.app.fetch);
  let httpSummary: Summary;
  try {
    httpSummary = await timePages(emulatorClient(REGION, emulator.endpointTemplate(server.baseUrl)));
  } finally {
    await server.close();
  }

  console.log(
    `\n## Emulator ListFunctions, ${PAGE_SIZE} a page over ${FUNCTIONS.toLocaleString('en-US')} functions\n`,
  );
  console.log(
    formatTable(
      ['transport', 'pages', 'median / page', 'p95 / page', 'mean / page', 'pages/s'],
      [
        summaryRow('in-process (app.fetch)', inProcessSummary),
        summaryRow('HTTP 127.0.0.1 (node-server)', httpSummary),
      ],
    ),
  );

  const big = createEmulator({ fleet: { functionsPerRegion: LARGE_REGION, regions: [REGION] } });
  const generate100k = timeOnce(() => big.fleet.region(REGION));
  const generations: [number, number][] = [
    [FUNCTIONS, generate10k],
    [LARGE_REGION, generate100k],
  ];
  console.log('\n## Fleet generation, one region, once each\n');
  console.log(
    formatTable(
      ['functions', 'time', 'functions/s'],
      generations.map(([n, ms]) => [
        n.toLocaleString('en-US'),
        formatDuration(ms),
        formatRate((n / ms) * 1000),
      ]),
    ),
  );
}
