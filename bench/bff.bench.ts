import type { FcClient } from '@fc-fleet/fc-api';
import { createEmulator } from '@fc-fleet/fc-emulator';
import { scrollLoad } from './bff-load.ts';
import { bffScroller } from './bff-pages.ts';
import { type BffServer, startBffServer } from './bff-server.ts';
import { emulatorClient, pager } from './emulator-pager.ts';
import { SHARED_VIEWS } from './load.bench.ts';
import { listenLocal } from './local-server.ts';
import { formatDuration, formatRate, formatTable, quantile, sample, summarize, summaryRow } from './stats.ts';

// What the BFF costs on top of a direct signed call, and what it serves under load. Emulator, BFF
// and clients share this process and talk over real HTTP on loopback, so all of them share the CPU.

const REGION = 'cn-hangzhou';
const FUNCTIONS = 10_000;
const PAGE_SIZE = 100;
const PAGES_PER_PASS = FUNCTIONS / PAGE_SIZE;
const WARMUP_PAGES = 30;
const PASSES = { min: 2, max: 4, budgetMs: 6000 };
const LOAD = { clients: 32, durationMs: 5000 };
const GOALS = { coldOverDirect: 1.5, cachedOverDirect: 1.0 };
/** Views the load scrolls: native filters, extended ones the BFF applies, and a sorted view. */
const VIEWS = SHARED_VIEWS;

interface PassTimes {
  direct: number[];
  cold: number[];
  cached: number[];
}

/** One pass from the first page, one page a sample: direct, then a new BFF instance, then it again. */
async function timePass(client: FcClient, bff: BffServer, pages: number, into: PassTimes): Promise<void> {
  await bff.renew();
  const scroll = bffScroller(bff.baseUrl, '', PAGE_SIZE);
  const pass = { warmup: 0, samples: pages };
  into.direct.push(...(await sample(pager(client, PAGE_SIZE), pass)));
  into.cold.push(...(await sample(scroll.next, pass)));
  into.cached.push(...(await sample(scroll.replay, pass)));
}

/** A ratio against its goal, as a table row; printed only, never asserted. */
function ratioRow(name: string, ratio: number, goal: number): string[] {
  return [name, `${ratio.toFixed(2)}x`, `≤ ${goal.toFixed(1)}x`, ratio <= goal ? 'PASS' : 'MISS'];
}

async function comparePages(client: FcClient, bff: BffServer): Promise<void> {
  // A short pass first warms the JIT and the connection pools; its times are dropped.
  await timePass(client, bff, WARMUP_PAGES, { direct: [], cold: [], cached: [] });
  const times: PassTimes = { direct: [], cold: [], cached: [] };
  const started = performance.now();
  let passes = 0;
  while (passes < PASSES.min || (passes < PASSES.max && performance.now() - started < PASSES.budgetMs)) {
    await timePass(client, bff, PAGES_PER_PASS, times);
    passes++;
  }
  const [d, cold, cached] = [summarize(times.direct), summarize(times.cold), summarize(times.cached)];
  console.log(
    `\n## BFF GET /api/functions against direct ListFunctions, ${PAGE_SIZE} a page over ${FUNCTIONS.toLocaleString('en-US')} functions, ${passes} passes\n`,
  );
  console.log(
    formatTable(
      ['path (all over HTTP 127.0.0.1)', 'pages', 'median / page', 'p95 / page', 'mean / page', 'pages/s'],
      [
        summaryRow('direct: FC client -> emulator', d),
        summaryRow('BFF cold: new instance, page not cached', cold),
        summaryRow('BFF cached: same pages, same instance', cached),
      ],
    ),
  );
  console.log(
    `\n${formatTable(
      ['ratio', 'value', 'goal', ''],
      [
        ratioRow('BFF cold / direct, median', cold.medianMs / d.medianMs, GOALS.coldOverDirect),
        ratioRow('BFF cold / direct, p95', cold.p95Ms / d.p95Ms, GOALS.coldOverDirect),
        ratioRow('BFF cached / direct, median', cached.medianMs / d.medianMs, GOALS.cachedOverDirect),
      ],
    )}`,
  );
}

async function measureLoad(bff: BffServer, upstreamCalls: () => number): Promise<void> {
  await bff.renew();
  const before = upstreamCalls();
  const load = await scrollLoad({ baseUrl: bff.baseUrl, views: VIEWS, limit: PAGE_SIZE, ...LOAD });
  const upstream = upstreamCalls() - before;
  const sorted = [...load.latenciesMs].sort((a, b) => a - b);
  console.log(
    `\n## BFF throughput: ${LOAD.clients} clients scrolling ${VIEWS.length} views for ${formatDuration(LOAD.durationMs)}, cache empty at the start\n`,
  );
  console.log(`views: ${VIEWS.map((v) => v || '(no filter)').join(', ')}`);
  console.log('latency includes the first scroll of each view, which fills the cache from upstream\n');
  console.log(
    formatTable(
      ['requests', 'req/s', 'p50', 'p99', 'errors (non-200)', 'upstream calls', 'upstream / request'],
      [
        [
          formatRate(load.requests),
          formatRate((load.requests / load.elapsedMs) * 1000),
          formatDuration(quantile(sorted, 0.5)),
          formatDuration(quantile(sorted, 0.99)),
          formatRate(load.errors),
          formatRate(upstream),
          (upstream / Math.max(1, load.requests)).toFixed(3),
        ],
      ],
    ),
  );
}

/** Per-page cost of the BFF, cold and cached, against a direct call; then req/s under concurrent scrolling. */
export async function runBffBench(): Promise<void> {
  const emulator = createEmulator({ fleet: { functionsPerRegion: FUNCTIONS, regions: [REGION] } });
  // Generate the region before any timing, so the first page does not carry it.
  emulator.fleet.region(REGION);
  const upstream = await listenLocal(emulator.app.fetch);
  const endpoint = emulator.endpointTemplate(upstream.baseUrl);
  const bff = await startBffServer({
    endpoint,
    accountId: emulator.fleet.options.accountId,
    regions: [REGION],
  });
  try {
    await comparePages(emulatorClient(REGION, endpoint), bff);
    await measureLoad(bff, () => emulator.stats.count('ListFunctions'));
  } finally {
    await bff.close();
    await upstream.close();
  }
}
