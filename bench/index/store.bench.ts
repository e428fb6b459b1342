import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFcClient } from '@fc-fleet/fc-api';
import { createEmulator, createRng, DEFAULT_EMULATOR_CREDENTIALS } from '@fc-fleet/fc-emulator';
import { SORT_FIELDS, type SortField } from '@fc-fleet/fleet-contract';
import {
  facetCounts,
  type IndexFilters,
  listPage,
  openStore,
  runPass,
  type SqlClient,
} from '@fc-fleet/fleet-index';
import { formatTable, summarize, summaryRow } from '../stats.ts';

// The index at fleet scale, without HTTP: ingest from the in-process emulator, then first pages,
// next pages and facet counts of random views, a pass over the unchanged fleet, and a restart.
// BENCH_INDEX_FUNCTIONS per region (default 100,000) x 3 regions.

const PER_REGION = Number(process.env.BENCH_INDEX_FUNCTIONS ?? 100_000);
const rss = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`;

function randomView(rng: ReturnType<typeof createRng>): {
  filters: IndexFilters;
  sort: { field: SortField; dir: 'asc' | 'desc' };
} {
  const filters: IndexFilters = {};
  const pick = <T>(items: readonly T[]) => rng.pick(items);
  if (rng.chance(0.3))
    filters.runtime = pick(['nodejs18', 'python3.10', 'custom-container', 'java11', 'nodejs8', 'go1']);
  if (rng.chance(0.3)) filters.has = [pick(['vpc', 'gpu', 'nas', 'oss', 'container', 'layers'])];
  if (rng.chance(0.25)) filters.q = pick(['checkout', 'pay', 'zzzz-no-match', 'api-prod', 'ledger']);
  if (rng.chance(0.2)) filters.regions = [pick(['cn-hangzhou', 'cn-shanghai', 'cn-beijing'])];
  if (rng.chance(0.15)) filters.memoryMin = pick([1024, 4096, 16_384]);
  if (rng.chance(0.15)) filters.tags = [{ Key: 'env', Value: pick(['prod', 'staging', 'dev']) }];
  if (rng.chance(0.1)) filters.internetAccess = false;
  if (rng.chance(0.1)) filters.prefix = pick(['pay', 'ads-', 'risk-ledger']);
  return { filters, sort: { field: pick(SORT_FIELDS), dir: rng.chance(0.5) ? 'asc' : 'desc' } };
}

async function timeIt<T>(op: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await op();
  return [performance.now() - t0, value];
}

/** Runs the index benchmark and prints its tables. */
export async function runIndexStoreBench(): Promise<void> {
  console.log(
    `\n## Fleet index (PGlite on disk), 3 regions x ${PER_REGION.toLocaleString('en-US')} functions\n`,
  );
  const emulator = createEmulator({ fleet: { functionsPerRegion: PER_REGION } });
  const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-index-bench-'));
  let sql: SqlClient = await openStore({ dataDir: dir });
  const pass = async () => {
    let listed = 0;
    let written = 0;
    for (const region of emulator.fleet.regions()) {
      const client = createFcClient({
        region,
        endpoint: emulator.endpointTemplate('http://emulator.bench'),
        fetch: emulator.fetch,
        credentials: async () => DEFAULT_EMULATOR_CREDENTIALS,
      });
      const report = await runPass({
        sql,
        account: 'bench',
        region,
        list: (q, signal) => client.listFunctions(q, { signal }),
      });
      listed += report.listed;
      written += report.written;
    }
    return { listed, written };
  };
  const [ingestMs, first] = await timeIt(pass);
  const [againMs, again] = await timeIt(pass);
  const facts: string[][] = [
    [
      'first pass (ingest)',
      `${first.listed.toLocaleString('en-US')} functions in ${(ingestMs / 1000).toFixed(1)} s`,
      `${Math.round(first.listed / (ingestMs / 1000)).toLocaleString('en-US')} functions/s`,
    ],
    ['pass over the unchanged fleet', `${(againMs / 1000).toFixed(1)} s`, `${again.written} rows written`],
    ['RSS after ingest', rss(), ''],
  ];

  const rng = createRng('index-bench');
  const firstPages: number[] = [];
  const nextPages: number[] = [];
  const facets: number[] = [];
  for (let i = 0; i < 200; i++) {
    const view = randomView(rng);
    const [ms, page] = await timeIt(() => listPage(sql, { ...view, limit: 50 }));
    firstPages.push(ms);
    if (page.next)
      nextPages.push((await timeIt(() => listPage(sql, { ...view, limit: 50, after: page.next })))[0]);
    if (i < 60) facets.push((await timeIt(() => facetCounts(sql, view.filters)))[0]);
  }
  facts.push(['RSS after queries', rss(), '']);
  await sql.close();
  const [reopenMs, reopened] = await timeIt(async () => {
    const store = await openStore({ dataDir: dir });
    await listPage(store, { filters: {}, sort: { field: 'name', dir: 'asc' }, limit: 50 });
    return store;
  });
  sql = reopened;
  facts.push(['restart to first answer', `${(reopenMs / 1000).toFixed(2)} s`, '']);
  await sql.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(formatTable(['figure', 'value', ''], facts));
  console.log('');
  console.log(
    formatTable(
      ['query', 'samples', 'median', 'p95', 'mean', 'ops/s'],
      [
        summaryRow('first page, random view (200)', summarize(firstPages)),
        summaryRow('next page', summarize(nextPages)),
        summaryRow('facet counts, random filters', summarize(facets)),
      ],
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runIndexStoreBench();
