import type { SqlClient } from '../db/sql-client.ts';
import type { FunctionRow } from './function-row.ts';

/** The facets whose values are coded in `fleet_term`, each with the row field that holds it. */
export const CODED_FACETS = [
  ['account', 'account'],
  ['region', 'region'],
  ['fcVersion', 'fc_version'],
  ['runtime', 'runtime'],
  ['gpuType', 'gpu_type'],
  ['vpcId', 'vpc_id'],
  ['env', 'tag_env'],
  ['team', 'tag_team'],
  ['acceleration', 'acceleration'],
] as const satisfies readonly (readonly [string, keyof FunctionRow])[];

/** A coded facet's name. */
export type CodedFacet = (typeof CODED_FACETS)[number][0];

/**
 * Codes already known, by facet and value. A code never changes once given (terms are never
 * deleted), so one pass can keep them and ask the store only about values it has not seen.
 */
export type TermCodes = Map<string, number>;

const termKey = (facet: string, value: string) => `${facet}\u0000${value}`;

/**
 * The code of a value, or null for no value. Throws for a value {@link ensureTerms} has not coded.
 * @example codeOf(codes, 'runtime', 'nodejs18'); // 7
 */
export function codeOf(codes: TermCodes, facet: CodedFacet, value: string | null): number | null {
  if (value === null) return null;
  const code = codes.get(termKey(facet, value));
  if (code === undefined) throw new Error(`no code for ${facet} ${JSON.stringify(value)}`);
  return code;
}

// New terms are added in (facet, value) order, so that concurrent writers lock them in one order.
const ENSURE = `
with wanted as (select facet, value collate "C" as value from unnest($1::text[], $2::text[]) as w (facet, value)),
added as (
  insert into fleet_term (facet, value)
  select facet, value from wanted w
  where not exists (select 1 from fleet_term t where t.facet = w.facet and t.value = w.value)
  order by facet, value
  on conflict (facet, value) do nothing
  returning facet, value, code
)
select facet, value, code from added
union all
select t.facet, t.value, t.code from fleet_term t join wanted w on t.facet = w.facet and t.value = w.value`;

const LOOKUP = `select t.facet, t.value, t.code from fleet_term t
  join unnest($1::text[], $2::text[]) as w (facet, value) on t.facet = w.facet and t.value = w.value collate "C"`;

/**
 * Makes sure every facet value of `rows` has a code, adding the new ones to `fleet_term`, and
 * learns their codes. One statement; a second only when another writer added a term meanwhile.
 * @example await ensureTerms(sql, codes, rows); codeOf(codes, 'region', rows[0].region);
 */
export async function ensureTerms(sql: SqlClient, codes: TermCodes, rows: readonly FunctionRow[]) {
  const missing = new Map<string, [string, string]>();
  for (const row of rows)
    for (const [facet, field] of CODED_FACETS) {
      const value = row[field];
      if (value !== null && !codes.has(termKey(facet, value)))
        missing.set(termKey(facet, value), [facet, value]);
    }
  if (missing.size === 0) return;
  const facets = [...missing.values()].map(([facet]) => facet);
  const values = [...missing.values()].map(([, value]) => value);
  for (const statement of [ENSURE, LOOKUP]) {
    const { rows: found } = await sql.query<{ facet: string; value: string; code: number }>(statement, [
      facets,
      values,
    ]);
    for (const term of found) codes.set(termKey(term.facet, term.value), term.code);
    if ([...missing.keys()].every((key) => codes.has(key))) return;
  }
  throw new Error('the index could not code every facet value of a page');
}
