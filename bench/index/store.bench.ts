import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@fc-fleet/fc-emulator';
import { facetCounts, listPage, openStore, runPass, type SqlClient } from '@fc-fleet/fleet-index';
import { formatTable, summarize, summaryRow } from '../shared/stats.ts';
import { type FleetSource, openFleetSource } from './fleet-source.ts';
import { type LoopDelay, withLoopDelay } from './loop-delay.ts';
import { randomView } from './random-view.ts';
import { timedSql } from './timed-sql.ts';

// The index at fleet scale, without HTTP in front of it: ingest, a pass over the unchanged fleet,
// first pages, next pages and facet counts of random views, and a restart. BENCH_INDEX_FUNCTIONS
// per region (default 100,000) x 3 regions. The fleet comes from the emulator in this process, or
// over HTTP from its own process (BENCH_INDEX_EMULATOR=http, or BENCH_INDEX_EMULATOR_URL).

const PER_REGION = Number(process.env.BENCH_INDEX_FUNCTIONS ?? 100_000);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const delay = (d: LoopDelay) =>
  `loop delay p50 ${d.p50Ms.toFixed(1)} ms, p99 ${d.p99Ms.toFixed(1)} ms, max ${d.maxMs.toFixed(0)} ms`;

async function timeIt<T>(op: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await op();
  return [performance.now() - t0, value];
}

/** One pass over every region, regions in turn, as the BFF's scheduler runs them. */
async function passAll(sql: SqlClient, fleet: FleetSource) {
  const timed = timedSql(sql);
  let listed = 0;
  let written = 0;
  for (const region of fleet.regions) {
    const report = await runPass({ sql: timed.sql, account: 'bench', region, list: fleet.list(region) });
    if (!report.complete) throw new Error(`pass of ${region} failed: ${report.error?.message}`);
    listed += report.listed;
    written += report.written;
  }
  if (process.env.BENCH_INDEX_STATEMENTS)
    for (const [name, { ms, count }] of [...timed.time.byStatement]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8))
      console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s ${String(count).padStart(6)}x  ${name}`);
  return { listed, written, storeMs: timed.time.writeMs + timed.time.readMs, writeMs: timed.time.writeMs };
}

async function passRows(label: string, sql: SqlClient, fleet: FleetSource): Promise<string[][]> {
  const [loop, [ms, pass]] = await withLoopDelay(() => timeIt(() => passAll(sql, fleet)));
  return [
    [
      label,
      `${n(pass.listed)} functions in ${(ms / 1000).toFixed(1)} s`,
      `${n(pass.listed / (ms / 1000))}/s`,
    ],
    [
      `  store share of it`,
      `${(pass.storeMs / 1000).toFixed(1)} s (writes ${(pass.writeMs / 1000).toFixed(1)} s)`,
      `${n(pass.listed / (pass.storeMs / 1000))}/s store-only; ${n(pass.written)} rows written`,
    ],
    ['  while it ran', delay(loop), ''],
  ];
}

/** Runs the index benchmark and prints its tables. */
export async function runIndexStoreBench(): Promise<void> {
  const fleet = await openFleetSource(PER_REGION);
  // Ask each region once, so the emulator has generated its fleet before the baseline is taken.
  for (const region of fleet.regions) await fleet.list(region)({ limit: 1 });
  const baseline = process.memoryUsage().rss;
  console.log(
    `\n## Fleet index (PGlite on disk), ${fleet.regions.length} regions x ${n(PER_REGION)} functions, emulator ${fleet.describe}\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-index-bench-'));
  let sql = await openStore({ dataDir: dir });
  const facts: string[][] = [['RSS before the store opened', mb(baseline), '']];
  facts.push(...(await passRows('first pass (ingest)', sql, fleet)));
  facts.push(...(await passRows('pass over the unchanged fleet', sql, fleet)));
  const rss = () => process.memoryUsage().rss;
  facts.push(['RSS after the passes', mb(rss()), `${mb(rss() - baseline)} more than before the store`]);

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
  facts.push(['RSS after queries', mb(rss()), `${mb(rss() - baseline)} more than before the store`]);
  await sql.close();
  const [reopenMs, reopened] = await timeIt(async () => {
    const store = await openStore({ dataDir: dir });
    await listPage(store, { filters: {}, sort: { field: 'name', dir: 'asc' }, limit: 50 });
    return store;
  });
  sql = reopened;
  facts.push(['restart to first answer', `${(reopenMs / 1000).toFixed(2)} s`, '']);
  facts.push(['RSS after the restart', mb(rss()), `${mb(rss() - baseline)} more than before the store`]);
  await sql.close();
  await fleet.close();
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
