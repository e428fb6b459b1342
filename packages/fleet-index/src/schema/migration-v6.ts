import { facetCountFunction } from './migration-v4.ts';

// The Insights page's numbers for a view filtered by place or memory only (the views opened most)
// from the kept counts, as the facets are, instead of a scan of every function: three more pairs
// a facet row counts under.
// - `acceleration`: the image acceleration's code (0: no image);
// - `cpu`: the vCPU in 0.05 steps (FC sets vCPU in multiples of 0.05), so a sum is code / 20 x n;
// - `internetNoVpc`: 1 for a function with internet access outside any VPC (bit 0 of features).
/** The (facet, code) pairs of a facet row `r` from v6 on: v2's, and the three above. */
export const PAIRS_V6 = `cross join lateral (
    select * from (values ('total', 0), ('account', r.account), ('region', r.region),
      ('fcVersion', coalesce(r.fc_version, 0)), ('runtime', coalesce(r.runtime, 0)),
      ('gpuType', coalesce(r.gpu_type, 0)), ('vpcId', coalesce(r.vpc_id, 0)),
      ('internetAccess', r.internet::integer), ('env', coalesce(r.env, 0)), ('team', coalesce(r.team, 0)),
      ('acceleration', coalesce(r.acceleration, 0)), ('cpu', coalesce(round(r.cpu * 20)::integer, 0)),
      ('internetNoVpc', (r.internet and r.features & 1 = 0)::integer)) as v (facet, code)
    union all
    select 'has', b from generate_series(0, 7) as b where r.features & (1 << b) <> 0) p`;

/** Kept counts of acceleration, vCPU and internet access outside a VPC. */
export const V6 = `
${facetCountFunction(PAIRS_V6)}

insert into fleet_facet_total (facet, code, memory, account, region, n)
select p.facet, p.code, coalesce(r.memory_size, 0), r.account, r.region, count(*)::integer
from fleet_facet r cross join lateral (values ('acceleration', coalesce(r.acceleration, 0)),
    ('cpu', coalesce(round(r.cpu * 20)::integer, 0)),
    ('internetNoVpc', (r.internet and r.features & 1 = 0)::integer)) as p (facet, code)
group by 1, 2, 3, 4, 5;
`;
