// What the insights count beyond the facets: a container image's acceleration (coded, as the
// facets are, so it is filtered through the GIN index on `terms`), and the vCPU and GPU memory
// each function asks for, so the resources a view allocates are summed over the narrow rows.
// `acceleration` is null for a function without an image, `None` when acceleration is turned off,
// else the state FC reports (`Unknown` when it reports none); see `accelerationOf`.
/** Acceleration, vCPU and GPU memory on the facet rows. */
export const V5 = `
alter table fleet_function add column acceleration text;
alter table fleet_facet add column acceleration integer, add column cpu real, add column gpu_memory integer;

update fleet_function f set acceleration = case
    when v.view->'customContainerConfig'->>'image' is null or v.view->'customContainerConfig'->>'image' = '' then null
    when v.view->'customContainerConfig'->>'accelerationType' = 'None' then 'None'
    else coalesce(nullif(v.view->'customContainerConfig'->'accelerationInfo'->>'status', ''), 'Unknown') end
  from fleet_function_view v
  where v.account = f.account and v.region = f.region and v.name = f.name;

insert into fleet_term (facet, value)
select distinct 'acceleration', acceleration from fleet_function where acceleration is not null order by 2
on conflict (facet, value) do nothing;

-- Facet counts do not change here (no counted column moves), so the counting trigger is held off.
alter table fleet_facet disable trigger fleet_facet_updated;
update fleet_facet c set cpu = f.cpu, gpu_memory = f.gpu_memory_size,
    acceleration = (select code from fleet_term t where t.facet = 'acceleration' and t.value = f.acceleration)
  from fleet_function f where f.id = c.id;
update fleet_facet set terms = terms || acceleration where acceleration is not null;
alter table fleet_facet enable trigger fleet_facet_updated;
`;
