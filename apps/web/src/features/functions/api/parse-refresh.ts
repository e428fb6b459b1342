import type { RefreshAnswer } from '@fc-fleet/fleet-contract';
import { expectRecord, listOf, text } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';

/** Parses the answer of `POST /api/refresh`. */
export function parseRefresh(body: unknown): RefreshAnswer {
  const answer = expectRecord(body, 'refresh');
  return {
    requested: listOf(answer.requested, 'requested', (v, w) => {
      const r = expectRecord(v, w);
      return { account: text(r.account, `${w}.account`), region: text(r.region, `${w}.region`) };
    }),
    regions: parseRegionSyncs(answer.regions),
  };
}
