import type { FcResult } from '@fc-fleet/fc-api';
import type { FunctionView } from '@fc-fleet/fleet-contract';
import type { FleetSource, NativeFilters } from '../upstream/fleet-source.ts';

/**
 * Every function of a region (under the native filters), read through the shared page cache, so
 * a sorted view costs the cloud nothing that the name-ordered scroll has already fetched.
 */
export async function collectRegion(
  source: FleetSource,
  account: string,
  region: string,
  native: NativeFilters,
): Promise<FcResult<FunctionView[]>> {
  const all: FunctionView[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await source.page(account, region, native, token);
    if (!page.ok) return page;
    pages++;
    all.push(...page.value.functions);
    token = page.value.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return { ok: true, value: all, attempts: pages };
}
