import type { SqlClient } from '../db/sql-client.ts';

/** The values the filter pickers offer: every runtime, GPU type and VPC in the index, sorted. */
export interface DistinctValues {
  runtimes: string[];
  gpuTypes: string[];
  vpcIds: string[];
}

const FACET_OF = { runtimes: 'runtime', gpuTypes: 'gpuType', vpcIds: 'vpcId' } as const;

/**
 * Lists the runtimes, GPU types and VPC ids that functions in the index have, for filter pickers:
 * read from the term dictionary and the trigger-kept counts (a few hundred rows), not from a
 * scan of every function, since every page load asks for them through `/api/meta`.
 * @example const { runtimes } = await distinctValues(sql); // ['custom-container', 'nodejs18', ...]
 */
export async function distinctValues(sql: SqlClient): Promise<DistinctValues> {
  const { rows } = await sql.query<{ facet: string; value: string }>(
    `select t.facet, t.value from fleet_term t
     where t.facet = any($1::text[]) and t.value <> ''
       and exists (select 1 from fleet_facet_total x where x.facet = t.facet and x.code = t.code and x.n > 0)
     order by t.facet, t.value`,
    [Object.values(FACET_OF)],
  );
  const of = (facet: string) => rows.filter((r) => r.facet === facet).map((r) => r.value);
  return { runtimes: of(FACET_OF.runtimes), gpuTypes: of(FACET_OF.gpuTypes), vpcIds: of(FACET_OF.vpcIds) };
}
