import { count, expectRecord, flag, isoTime, listOf, optional, text } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';
import type { FleetRow, FunctionsPage, FunctionView } from './types.ts';

function parseFunction(value: unknown, what: string): FunctionView {
  const fn = expectRecord(value, what);
  text(fn.functionName, `${what}.functionName`);
  // The rest is displayed defensively (every field may be absent or null), so it is kept as sent.
  return fn as unknown as FunctionView;
}

/** Parses one `FleetRow`. */
export function parseRow(value: unknown, what = 'row'): FleetRow {
  const row = expectRecord(value, what);
  const lastChange = optional(row.lastChange, `${what}.lastChange`, isoTime);
  return {
    account: text(row.account, `${what}.account`),
    region: text(row.region, `${what}.region`),
    function: parseFunction(row.function, `${what}.function`),
    ...(lastChange === undefined ? {} : { lastChange }),
  };
}

/** Parses a `/api/functions` page: its rows, the cursor to the next, and its regions' freshness. */
export function parsePage(body: unknown): FunctionsPage {
  const page = expectRecord(body, 'page');
  const cursor = optional(page.cursor, 'cursor', text);
  return {
    functions: listOf(page.functions, 'functions', parseRow),
    ...(cursor === undefined ? {} : { cursor }),
    scanned: count(page.scanned, 'scanned'),
    complete: flag(page.complete, 'complete'),
    regions: parseRegionSyncs(page.regions),
  };
}
