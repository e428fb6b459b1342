import { PAIRS } from './migration-v2.ts';

/**
 * The statement trigger's function that keeps `fleet_facet_total` (per account, region and memory
 * size), counting each facet row under `pairs` (see PAIRS). Migrations that count more pairs
 * replace it with this same body.
 */
export const facetCountFunction = (
  pairs: string,
) => `-- Rows are added in key order, so concurrent writers lock them in one order.
create or replace function fleet_facet_count() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into fleet_facet_total (facet, code, memory, account, region, n)
    select p.facet, p.code, coalesce(r.memory_size, 0), r.account, r.region, count(*)::integer
    from new_rows r ${pairs}
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (facet, code, memory, account, region) do update set n = fleet_facet_total.n + excluded.n;
  elsif tg_op = 'DELETE' then
    insert into fleet_facet_total (facet, code, memory, account, region, n)
    select p.facet, p.code, coalesce(r.memory_size, 0), r.account, r.region, -count(*)::integer
    from old_rows r ${pairs}
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (facet, code, memory, account, region) do update set n = fleet_facet_total.n + excluded.n;
  else
    insert into fleet_facet_total (facet, code, memory, account, region, n)
    select facet, code, memory, account, region, sum(d)::integer from (
      select p.facet, p.code, coalesce(r.memory_size, 0) as memory, r.account, r.region, 1 as d
      from new_rows r ${pairs}
      union all
      select p.facet, p.code, coalesce(r.memory_size, 0), r.account, r.region, -1
      from old_rows r ${pairs}
    ) changes group by 1, 2, 3, 4, 5 having sum(d) <> 0 order by 1, 2, 3, 4, 5
    on conflict (facet, code, memory, account, region) do update set n = fleet_facet_total.n + excluded.n;
  end if;
  return null;
end $$;
`;

// The fleet-wide counts kept per account and region too, so the views an engineer opens most (one
// region, an account, all but one region) are counted from them instead of scanning the facet
// rows of every function in those regions. Codes of account and region, as in fleet_facet.
/** Facet counts by place. */
export const V4 = `
truncate fleet_facet_total;
alter table fleet_facet_total drop constraint fleet_facet_total_pkey;
alter table fleet_facet_total add column account integer not null, add column region integer not null;
alter table fleet_facet_total add primary key (facet, code, memory, account, region);

insert into fleet_facet_total (facet, code, memory, account, region, n)
select p.facet, p.code, coalesce(r.memory_size, 0), r.account, r.region, count(*)::integer
from fleet_facet r ${PAIRS}
group by 1, 2, 3, 4, 5;

${facetCountFunction(PAIRS)}`;
