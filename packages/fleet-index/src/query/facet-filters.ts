import { type FacetName, runtimesIn } from '@fc-fleet/fleet-contract';
import { featureMask } from '../sync/function-row.ts';
import { type IndexFilters, type Param, whereClauses } from './index-filters.ts';

/** A facet the index counts (the contract's list); each but `has`'s values are coded in `fleet_term`. */
export type { FacetName };

/** A condition on a `fleet_facet` row (alias `c`), and the facet whose own filter it is. */
export interface FacetClause {
  owner?: FacetName;
  /** The condition, cheapest to test on a row at hand. */
  sql: string;
  /** The same condition in a form the GIN index on `terms` can answer, where there is one. */
  index?: string;
  /** For a filter `fleet_function` answers: the query of the ids it lets through. */
  ids?: string;
  /**
   * For a filter the fleet-wide counts can apply (they are kept per account, region and memory
   * size): the condition on a `fleet_facet_total` row.
   */
  totals?: string;
}

/** The code of one value of a coded facet, as a scalar subquery (null when the value is unknown). */
export const termCode = (p: Param, facet: string, value: string) =>
  `(select code from fleet_term where facet = '${facet}' and value = ${p(value)}::text collate "C")`;
/** The codes of several values of a coded facet, as an array subquery. */
export const termCodes = (p: Param, facet: string, values: readonly string[]) =>
  `array(select code from fleet_term where facet = '${facet}' and value = any(${p(values)}::text[] collate "C"))`;

/** Filters on a single coded column: the filter, the facet that owns it, and its column. */
export const CODED: readonly [
  keyof IndexFilters & ('fcVersion' | 'runtime' | 'gpuType' | 'vpcId'),
  FacetName,
  string,
][] = [
  ['fcVersion', 'fcVersion', 'fc_version'],
  ['runtime', 'runtime', 'runtime'],
  ['gpuType', 'gpuType', 'gpu_type'],
  ['vpcId', 'vpcId', 'vpc_id'],
];

/** A filter on one coded column: a comparison on the row, a containment for the index. */
const coded = (owner: FacetName, column: string, code: string): FacetClause => ({
  owner,
  sql: `c.${column} = ${code}`,
  index: `c.terms @> array[${code}]`,
});

/**
 * A clause as a condition of its own at the top of a WHERE, in the form an index can answer:
 * the GIN index on `terms`, or the primary key for ids a `fleet_function` index found.
 * @example whereOf(facetClauses({ runtime: 'go1' }, p)[0]); // 'c.terms @> array[(select code ...)]'
 */
export function whereOf(clause: FacetClause): string {
  if (clause.ids) return `c.id = any(array(${clause.ids}))`;
  return clause.index ?? clause.sql;
}

/**
 * Translates filters into conditions on the narrow `fleet_facet` rows: coded columns where the
 * filter has one, and `c.id in (...)` over `fleet_function` for the rest (text search, prefix,
 * networks, tags other than env and team), so every filter `buildWhere` knows is kept.
 * @example facetClauses({ runtime: 'nodejs18', q: 'pay' }, p); // [{ owner: 'runtime', sql: 'c.runtime = ...' }, { sql: 'c.id in (...)' }]
 */
export function facetClauses(filters: IndexFilters, p: Param): FacetClause[] {
  const out: FacetClause[] = [];
  const rest: IndexFilters = { ...filters };
  if (filters.accounts) {
    const list = termCodes(p, 'account', filters.accounts);
    out.push({
      owner: 'account',
      sql: `c.account = any(${list})`,
      index: `c.terms && ${list}`,
      totals: `account = any(${list})`,
    });
  }
  if (filters.regions) {
    const list = termCodes(p, 'region', filters.regions);
    out.push({
      owner: 'region',
      sql: `c.region = any(${list})`,
      index: `c.terms && ${list}`,
      totals: `region = any(${list})`,
    });
  }
  delete rest.accounts;
  delete rest.regions;
  for (const [key, owner, column] of CODED) {
    const value = filters[key];
    if (value) out.push(coded(owner, column, termCode(p, owner, value)));
    delete rest[key];
  }
  if (filters.internetAccess !== undefined) {
    // A literal: a parameter only one of the two forms used would have no type.
    const sql = `c.internet = ${filters.internetAccess ? 'true' : 'false'}`;
    out.push({
      owner: 'internetAccess',
      sql,
      ...(filters.internetAccess ? {} : { index: `c.terms @> '{-9}'` }),
    });
  }
  delete rest.internetAccess;
  if (filters.has?.length) {
    const mask = featureMask(filters.has);
    if (mask === undefined) out.push({ owner: 'has', sql: 'false' });
    else {
      const bits = [0, 1, 2, 3, 4, 5, 6, 7].filter((bit) => mask & (1 << bit)).map((bit) => -1 - bit);
      const sql = `(c.features::integer & ${mask}) = ${mask}`;
      out.push({ owner: 'has', sql, index: `c.terms @> '{${bits.join(',')}}'::integer[]` });
    }
  }
  delete rest.has;
  // Features a function must not have: no index form (a GIN index finds what rows have).
  if (filters.lacks?.length) {
    const mask = featureMask(filters.lacks);
    if (mask !== undefined) out.push({ sql: `(c.features::integer & ${mask}) = 0` });
  }
  delete rest.lacks;
  if (filters.lifecycle) {
    const runtimes = runtimesIn(filters.lifecycle, new Date());
    if ('in' in runtimes) {
      const list = termCodes(p, 'runtime', runtimes.in);
      out.push({ owner: 'lifecycle', sql: `c.runtime = any(${list})`, index: `c.terms && ${list}` });
    } else {
      const list = termCodes(p, 'runtime', runtimes.not);
      out.push({ owner: 'lifecycle', sql: `not coalesce(c.runtime = any(${list}), false)` });
    }
  }
  delete rest.lifecycle;
  if (filters.acceleration) {
    const code = termCode(p, 'acceleration', filters.acceleration);
    out.push({ sql: `c.acceleration = ${code}`, index: `c.terms @> array[${code}]` });
  }
  delete rest.acceleration;
  for (const [value, op] of [
    [filters.memoryMin, '>='],
    [filters.memoryMax, '<='],
  ] as const) {
    if (value === undefined) continue;
    const bound = `${p(value)}::integer`;
    out.push({ sql: `coalesce(c.memory_size, 0) ${op} ${bound}`, totals: `memory ${op} ${bound}` });
  }
  delete rest.memoryMin;
  delete rest.memoryMax;
  delete rest.tags;
  for (const tag of filters.tags ?? []) {
    const owner = tag.Key === 'env' || tag.Key === 'team' ? tag.Key : undefined;
    // tag_env holds no empty value, so `env=` (and a key alone) is asked of the tags themselves.
    if (owner && tag.Value) out.push(coded(owner, owner, termCode(p, owner, tag.Value)));
    else if (owner && tag.Absent) out.push({ owner, sql: `c.${owner} is null` });
    else out.push({ ...(owner ? { owner } : {}), ...byFunction({ tags: [tag] }, p) });
  }
  if (whereClauses(rest, undefined, () => '$0').length > 0) out.push(byFunction(rest, p));
  return out;
}

/**
 * Filters `fleet_function` answers (with its trigram, tag and name indexes), as a condition on
 * the facet row's id. Inside `coalesce` the IN stays a subplan that PostgreSQL runs once into a
 * hash table; at the top of a WHERE it would become a join, probed once per facet row.
 */
function byFunction(filters: IndexFilters, p: Param): FacetClause {
  const ids = `select id from fleet_function where ${whereClauses(filters, undefined, p).join(' and ')}`;
  return { sql: `coalesce(c.id in (${ids}), false)`, ids };
}
