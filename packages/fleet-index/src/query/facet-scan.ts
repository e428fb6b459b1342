import { type FacetClause, type FacetName, whereOf } from './facet-filters.ts';

// Counting every facet of a view takes two reads of `fleet_facet`, both through its indexes where
// the filters allow:
// - the rows that pass every filter, grouped by two composite keys (two hash lookups a row rather
//   than ten), then split into per-facet counts;
// - the rows that fail exactly one facet's own filter, which count for that facet alone (a facet
//   is counted under every filter but its own), grouped by that facet's value only.

/** Which grouping set holds a facet's column (1: where and what, 2: tags and features), and its code. */
const PLACES: Record<Exclude<FacetName, 'has'>, [1 | 2, string]> = {
  account: [1, 'account'],
  region: [1, 'region'],
  vpcId: [1, 'coalesce(vpc_id, 0)'],
  runtime: [1, 'coalesce(runtime, 0)'],
  gpuType: [1, 'coalesce(gpu_type, 0)'],
  fcVersion: [1, 'coalesce(fc_version, 0)'],
  internetAccess: [1, 'internet::integer'],
  env: [2, 'coalesce(env, 0)'],
  team: [2, 'coalesce(team, 0)'],
  // Counted by runtime; the caller turns runtimes into statuses (runtime-lifecycle.ts).
  lifecycle: [1, 'coalesce(runtime, 0)'],
};

const passes = (clauses: readonly FacetClause[]) =>
  clauses.length === 0 ? 'true' : `coalesce(${clauses.map((c) => `(${c.sql})`).join(' and ')}, false)`;
const where = (conditions: readonly string[]) =>
  conditions.length === 0 ? '' : `where ${conditions.join(' and ')}`;
const bits = (source: string, mask: string, extra: string) =>
  `select 'has' as facet, b as code, n from ${source} cross join lateral generate_series(0, 7) as b
    where ${mask} & (1 << b) <> 0 ${extra}`;

/** Counts over the rows that pass every filter: every facet asked for, and the total. */
function passingSql(clauses: readonly FacetClause[], facets: readonly FacetName[], total: boolean): string {
  const g = `(select account, region, vpc_id, runtime, gpu_type, fc_version, internet, env, team, features,
      count(*)::integer as n, grouping(account) = 0 as first
    from fleet_facet c ${where(clauses.map(whereOf))}
    group by grouping sets ((account, region, vpc_id, runtime, gpu_type, fc_version, internet), (env, team, features))) g`;
  const pairs = facets.flatMap((facet) => {
    if (facet === 'has') return [bits('g', 'features', 'and not first')];
    const [set, code] = PLACES[facet];
    return [`select '${facet}' as facet, ${code} as code, n from g where ${set === 1 ? '' : 'not '}first`];
  });
  if (total) pairs.push(`select 'total', 0, n from g where first`);
  return `with g as materialized (select * from ${g})\n  ${pairs.join('\n  union all ')}`;
}

/**
 * Counts over the rows that fail exactly one of the `owners`' filters, each for that owner's
 * facet, for the `wanted` owners only (the others' facets are read from the fleet-wide counts).
 */
function failingSql(
  clauses: readonly FacetClause[],
  owners: readonly FacetName[],
  wanted: readonly FacetName[],
) {
  const own = owners.map((owner) => clauses.filter((c) => c.owner === owner));
  // A row passing every owned filter but one fails at most one: a bitmap OR of bitmap ANDs; the
  // first one it fails (if any) is then the only one.
  const butOne = own.map((_, skip) => own.flatMap((owned, i) => (i === skip ? [] : owned.map(whereOf))));
  const anyButOne = `(${butOne.map((b) => (b.length ? `(${b.join(' and ')})` : 'true')).join(' or ')})`;
  const fails = own.map((owned, i) => `when not ${passes(owned)} then ${i + 1}`).join(' ');
  const code = `case m ${owners.map((o, i) => `when ${i + 1} then ${o === 'has' ? 'features' : PLACES[o][1]}`).join(' ')} end`;
  const rows = `select case ${fails} end as m, c.* from fleet_facet c
    ${where([...clauses.filter((c) => !c.owner).map(whereOf), anyButOne])}`;
  const o = `(select m, ${code} as code, count(*)::integer as n from (${rows}) r where m is not null group by 1, 2) o`;
  // Only the facets asked for: another owner's facet may come from the kept counts, and counting
  // it here too would list its values twice.
  const pairs = wanted.map((facet) =>
    facet === 'has'
      ? bits('o', 'code', `and m = ${owners.indexOf(facet) + 1}`)
      : `select '${facet}' as facet, code, n from o where m = ${owners.indexOf(facet) + 1}`,
  );
  return `with o as materialized (select * from ${o})\n  ${pairs.join('\n  union all ')}`;
}

/**
 * The statement that counts `facets` (and `total`) under `clauses`: rows of (facet, code, n),
 * code 0 for "no value", `has` by bit number.
 * @example facetScanSql(facetClauses({ runtime: 'nodejs18' }, p), ['region', 'has'], true);
 */
export function facetScanSql(
  clauses: readonly FacetClause[],
  facets: readonly FacetName[],
  total: boolean,
): string {
  const owners = [...new Set(clauses.flatMap((c) => (c.owner ? [c.owner] : [])))];
  // A facet with a filter of its own also counts the rows that fail only that filter.
  const wanted = owners.filter((owner) => facets.includes(owner));
  const parts = [
    passingSql(clauses, facets, total),
    ...(wanted.length ? [failingSql(clauses, owners, wanted)] : []),
  ];
  return `select facet, code, sum(n)::integer as n from (${parts.map((p) => `(${p})`).join('\nunion all\n')}) pairs
group by facet, code`;
}
