import { createRng } from '@fc-fleet/fc-emulator';
import { startBffServer } from '../bff/bff-server.ts';
import { formatTable, summarize, summaryRow } from '../shared/stats.ts';
import { changeQueryKinds } from './change-queries.ts';
import { fillHistory, type HistoryShape } from './fill-history.ts';

// `GET /api/changes` over HTTP, from a PGlite index on disk holding BENCH_CHANGES_EVENTS events
// (default 1,000,000): a year of passes every 5 minutes over 300,000 functions in 1 account x 3
// regions, written straight into the store. First pages of 200 random history queries, the next
// page of each, per-kind figures, and the store's size with a year's estimate for a real fleet.
// The table's own filters (events of the functions a view shows) are not measured: the bench
// holds no fleet_function rows.

const EVENTS = Number(process.env.BENCH_CHANGES_EVENTS ?? 1_000_000);
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
const SHAPE: HistoryShape = {
  events: EVENTS,
  account: 'bench',
  regions: REGIONS,
  functions: 300_000,
  days: 365,
  passMinutes: 5,
};
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

// A year of a 300,000-function fleet, as we assume it: a fifth of the functions are live services
// deployed about weekly (each deploy is one `modified` event; a config edit between deploys adds a
// few more), the rest are changed about twice a year, and a tenth of the fleet is created and a
// tenth deleted over the year: about 4.1 million events, 14 per function.
const YEAR = {
  active: 0.2 * 300_000 * 60,
  quiet: 0.8 * 300_000 * 2,
  created: 0.1 * 300_000,
  deleted: 0.1 * 300_000,
};
const yearEvents = YEAR.active + YEAR.quiet + YEAR.created + YEAR.deleted;

async function timed<T>(op: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await op();
  return [performance.now() - t0, value];
}

async function getJson(url: string): Promise<{ changes: unknown[]; cursor?: string }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { changes: unknown[]; cursor?: string };
}

/** Runs the changes benchmark and prints its tables. */
export async function runChangesBench(): Promise<void> {
  console.log(
    `\n## GET /api/changes (PGlite on disk), ${n(EVENTS)} events, 300,000 functions, 1 account x 3 regions, a year of 5-minute passes\n`,
  );
  // The BFF never syncs here: its account's endpoint is never called.
  const bff = await startBffServer({
    endpoint: 'http://127.0.0.1:9/regions/{region}',
    accountId: '1234567890123456',
    regions: REGIONS,
  });
  try {
    const sql = bff.sql();
    await sql.query(
      `insert into fleet_region (account, region, state, pass_started_at, synced_at, functions, seen_in_pass)
       select 'bench', r, 'ready', now(), now(), 100000, 100000 from unnest($1::text[]) r`,
      [REGIONS],
    );
    let reported = 0;
    const fillMs = await fillHistory(sql, SHAPE, (done) => {
      if (done - reported >= 250_000 || done === EVENTS) {
        reported = done;
        process.stdout.write(`  filled ${n(done)} events\n`);
      }
    });
    const { rows } = await sql.query<{ rows: string; total: string; heap: string; kinds: string }>(
      `select count(*)::text as rows, pg_total_relation_size('fleet_change')::text as total,
         pg_relation_size('fleet_change')::text as heap,
         (select string_agg(kind || ' ' || c, ', ' order by kind) from
           (select kind, count(*) as c from fleet_change group by kind) k) as kinds
       from fleet_change`,
    );
    const stored = rows[0];
    const count = Number(stored?.rows ?? 0);
    const total = Number(stored?.total ?? 0);
    const perEvent = total / Math.max(1, count);
    const facts: string[][] = [
      [
        'fill (insert ... select, then analyze)',
        `${(fillMs / 1000).toFixed(1)} s`,
        `${n(count / (fillMs / 1000))} events/s`,
      ],
      ['events stored', n(count), stored?.kinds ?? ''],
      ['fleet_change, table + indexes', mb(total), `heap ${mb(Number(stored?.heap ?? 0))}`],
      ['bytes per event (table + indexes)', n(perEvent), ''],
      [
        'a year of a 300,000-function fleet (assumed)',
        `${n(yearEvents)} events`,
        `${(yearEvents / 300_000).toFixed(1)} per function: 20% deployed weekly + edits, 80% twice a year, 10% created, 10% deleted`,
      ],
      [
        '  its store at the measured bytes/event',
        mb(yearEvents * perEvent),
        `${mb((yearEvents * perEvent * 90) / 365)} with the default FC_HISTORY_DAYS=90`,
      ],
    ];
    console.log(formatTable(['figure', 'value', ''], facts));

    const kinds = changeQueryKinds(REGIONS, SHAPE.functions);
    const rng = createRng('changes-bench');
    const url = (query: string) => `${bff.baseUrl}/api/changes?${query}`;
    for (let i = 0; i < 30; i++) await getJson(url(rng.pick(kinds).draw(rng)));
    const first: number[] = [];
    const next: number[] = [];
    const byKind = new Map<string, number[]>();
    for (let i = 0; i < 200; i++) {
      const kind = rng.pick(kinds);
      const query = kind.draw(rng);
      const [ms, page] = await timed(() => getJson(url(query)));
      first.push(ms);
      byKind.set(kind.name, [...(byKind.get(kind.name) ?? []), ms]);
      if (page.cursor)
        next.push(
          (await timed(() => getJson(url(`${query}&cursor=${encodeURIComponent(page.cursor ?? '')}`))))[0],
        );
    }
    console.log('');
    const headers = ['request (over HTTP, 50 events a page)', 'samples', 'median', 'p95', 'mean', 'ops/s'];
    console.log(
      formatTable(headers, [
        summaryRow('first page, random history query', summarize(first)),
        summaryRow('next page (its cursor)', summarize(next)),
      ]),
    );
    console.log('');
    const kindRows = [...byKind]
      .map(([name, times]) => ({ name, summary: summarize(times) }))
      .sort((a, b) => b.summary.p95Ms - a.summary.p95Ms)
      .map(({ name, summary }) => summaryRow(name, summary));
    console.log(formatTable(['first page by query kind (slowest first)', ...headers.slice(1)], kindRows));
  } finally {
    await bff.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runChangesBench();
