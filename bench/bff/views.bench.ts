import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createEmulator, createRng } from '@fc-fleet/fc-emulator';
import { listenLocal } from '../shared/local-server.ts';
import { formatTable, quantile, summarize, summaryRow } from '../shared/stats.ts';
import { startBffServer } from './bff-server.ts';
import { randomViewQuery } from './random-views.ts';

// The BFF answering from its index, over HTTP: ingest from the emulator over HTTP, a pass over the
// unchanged fleet, event-loop delay during a pass, first and next pages of 200 random views, facet
// counts, upstream calls made by those requests, RSS, and a restart. BENCH_FUNCTIONS_PER_REGION
// (default 20,000) x 3 regions; the figures are at 100,000.

const PER_REGION = Number(process.env.BENCH_FUNCTIONS_PER_REGION ?? 20_000);
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function timed<T>(op: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await op();
  return [performance.now() - t0, value];
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

const INSIGHT_QUESTIONS = [
  'region=all&lifecycle=deprecated',
  'region=all&lifecycle=eol',
  'region=all&lifecycle=current&has=vpc',
  'region=all&has=gpu',
  'region=all&internetAccess=true&lacks=vpc',
  'region=all&acceleration=Ready',
  'region=cn-hangzhou&tags=!env',
  'region=cn-shanghai&lifecycle=eol&tags=env=prod',
];

/** Runs the BFF views benchmark and prints its tables. */
export async function runBffViewsBench(): Promise<void> {
  console.log(
    `\n## The BFF from its index (PGlite on disk), 3 regions x ${PER_REGION.toLocaleString('en-US')} functions, emulator over HTTP\n`,
  );
  const emulator = createEmulator({ fleet: { functionsPerRegion: PER_REGION, regions: REGIONS } });
  // Generating the fleet is the emulator's start-up, not the BFF's ingest.
  for (const region of REGIONS) emulator.fleet.region(region);
  const upstream = await listenLocal(emulator.app.fetch);
  const rssBefore = process.memoryUsage().rss;
  const bff = await startBffServer({
    endpoint: emulator.endpointTemplate(upstream.baseUrl),
    accountId: emulator.fleet.options.accountId,
    regions: REGIONS,
  });
  const calls = () => emulator.stats.count('ListFunctions') + emulator.stats.count('GetFunction');
  try {
    const [ingestMs, first] = await timed(() => bff.syncAll());
    const listed = first.reduce((n, r) => n + (r?.listed ?? 0), 0);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const [againMs, again] = await timed(() => bff.syncAll());
    delay.disable();
    const facts: string[][] = [
      [
        'ingest (first pass, 3 regions at once)',
        `${listed.toLocaleString('en-US')} in ${(ingestMs / 1000).toFixed(1)} s`,
        `${Math.round(listed / (ingestMs / 1000)).toLocaleString('en-US')} functions/s`,
      ],
      [
        'pass over the unchanged fleet',
        `${(againMs / 1000).toFixed(1)} s`,
        `${again.reduce((n, r) => n + (r?.written ?? 0), 0)} rows written`,
      ],
      [
        'event-loop delay during that pass',
        `p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms`,
        `p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`,
      ],
    ];

    const rng = createRng('bff-views-bench');
    const firstPages: number[] = [];
    const nextPages: number[] = [];
    const facets: number[] = [];
    const insights: number[] = [];
    const before = calls();
    for (let i = 0; i < 200; i++) {
      const query = randomViewQuery(rng);
      const [ms, page] = await timed(() => getJson(`${bff.baseUrl}/api/functions?${query}&limit=50`));
      firstPages.push(ms);
      if (typeof page.cursor === 'string')
        nextPages.push(
          (
            await timed(() =>
              getJson(
                `${bff.baseUrl}/api/functions?${query}&limit=50&cursor=${encodeURIComponent(String(page.cursor))}`,
              ),
            )
          )[0],
        );
      const filters = new URLSearchParams(query);
      filters.delete('sort');
      facets.push((await timed(() => getJson(`${bff.baseUrl}/api/facets?${filters}`)))[0]);
      insights.push((await timed(() => getJson(`${bff.baseUrl}/api/insights?${filters}`)))[0]);
    }
    // The views engineers open most, unfiltered: every function of the fleet is counted.
    const wholeFleet: number[] = [];
    for (let i = 0; i < 20; i++)
      wholeFleet.push((await timed(() => getJson(`${bff.baseUrl}/api/insights?region=all`)))[0]);
    // The questions the Insights page is opened for, each three times.
    const questions: number[] = [];
    for (const query of INSIGHT_QUESTIONS)
      for (let i = 0; i < 3; i++)
        questions.push((await timed(() => getJson(`${bff.baseUrl}/api/insights?${query}`)))[0]);
    facts.push([
      `upstream calls made by those ${600 + wholeFleet.length + questions.length} requests`,
      String(calls() - before),
      '',
    ]);
    facts.push([
      'RSS (bench process: BFF + index; emulator fleet before it)',
      mb(process.memoryUsage().rss),
      `${mb(rssBefore)} before the BFF`,
    ]);
    const [restartMs] = await timed(async () => {
      await bff.restart();
      await getJson(`${bff.baseUrl}/api/functions?region=all&limit=50`);
    });
    facts.push(['restart to first answer from the existing index', `${(restartMs / 1000).toFixed(2)} s`, '']);

    console.log(formatTable(['figure', 'value', ''], facts));
    console.log('');
    const sortedFirst = [...firstPages].sort((a, b) => a - b);
    console.log(
      formatTable(
        ['request (over HTTP)', 'samples', 'median', 'p95', 'mean', 'ops/s'],
        [
          summaryRow('first page, random view', summarize(firstPages)),
          summaryRow('next page', summarize(nextPages)),
          summaryRow('facet counts, same filters', summarize(facets)),
          summaryRow('insights, same filters', summarize(insights)),
          summaryRow('insights, whole fleet (region=all)', summarize(wholeFleet)),
          summaryRow('insights, lifecycle/GPU/network questions', summarize(questions)),
        ],
      ),
    );
    console.log(`\nslowest first page: ${quantile(sortedFirst, 1).toFixed(1)} ms`);
    const p95 = (values: number[]) =>
      quantile(
        [...values].sort((a, b) => a - b),
        0.95,
      );
    console.log(
      `insights p95 / facet counts p95, same views, same process: ${(p95(insights) / p95(facets)).toFixed(2)}`,
    );
  } finally {
    await bff.close();
    await upstream.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBffViewsBench();
