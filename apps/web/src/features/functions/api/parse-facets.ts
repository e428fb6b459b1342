import type { FacetCount, FacetName, FacetsAnswer } from '@fc-fleet/fleet-contract';
import { count, expectRecord, listOf } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';

function parseFacetCount(value: unknown, what: string): FacetCount {
  const r = expectRecord(value, what);
  const v = r.value;
  if (v !== null && typeof v !== 'string' && typeof v !== 'boolean')
    throw new Error(`${what}.value is not text, true, false or null`);
  return { value: v, count: count(r.count, `${what}.count`) };
}

/** Parses `GET /api/facets`: every facet the contract names must be there, as a list of counts. */
export function parseFacets(body: unknown): FacetsAnswer {
  const answer = expectRecord(body, 'facets answer');
  const facets = expectRecord(answer.facets, 'facets');
  const list = (name: FacetName) => listOf(facets[name], `facets.${name}`, parseFacetCount);
  return {
    total: count(answer.total, 'total'),
    facets: {
      runtime: list('runtime'),
      gpuType: list('gpuType'),
      region: list('region'),
      account: list('account'),
      fcVersion: list('fcVersion'),
      vpcId: list('vpcId'),
      internetAccess: list('internetAccess'),
      env: list('env'),
      team: list('team'),
      has: list('has'),
      lifecycle: list('lifecycle'),
    },
    regions: parseRegionSyncs(answer.regions),
  };
}
