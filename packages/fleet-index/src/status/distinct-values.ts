import type { SqlClient } from '../db/sql-client.ts';

/** The values the filter pickers offer: every runtime, GPU type and VPC in the index, sorted. */
export interface DistinctValues {
  runtimes: string[];
  gpuTypes: string[];
  vpcIds: string[];
}

/**
 * Lists the distinct runtimes, GPU types and VPC ids of the indexed fleet, for filter pickers.
 * @example const { runtimes } = await distinctValues(sql); // ['custom-container', 'nodejs18', ...]
 */
export async function distinctValues(sql: SqlClient): Promise<DistinctValues> {
  const read = async (column: string) =>
    (
      await sql.query<{ v: string }>(
        `select distinct ${column} as v from fleet_function where ${column} is not null and ${column} <> '' order by 1`,
      )
    ).rows.map((r) => r.v);
  return { runtimes: await read('runtime'), gpuTypes: await read('gpu_type'), vpcIds: await read('vpc_id') };
}
