import type { createRng } from '@fc-fleet/fc-emulator';
import { SORT_FIELDS, type SortField } from '@fc-fleet/fleet-contract';
import type { IndexFilters } from '@fc-fleet/fleet-index';

/** A view a user might open: some filters and a sort. */
export interface RandomView {
  filters: IndexFilters;
  sort: { field: SortField; dir: 'asc' | 'desc' };
}

/**
 * A random view, with filters in the mix the dashboard sees: a third filter by runtime or feature,
 * a quarter search, a few narrow by region, memory, tag, internet access or name prefix.
 * @example const view = randomView(createRng('index-bench'));
 */
export function randomView(rng: ReturnType<typeof createRng>): RandomView {
  const filters: IndexFilters = {};
  const pick = <T>(items: readonly T[]) => rng.pick(items);
  if (rng.chance(0.3))
    filters.runtime = pick(['nodejs18', 'python3.10', 'custom-container', 'java11', 'nodejs8', 'go1']);
  if (rng.chance(0.3)) filters.has = [pick(['vpc', 'gpu', 'nas', 'oss', 'container', 'layers'])];
  if (rng.chance(0.25)) filters.q = pick(['checkout', 'pay', 'zzzz-no-match', 'api-prod', 'ledger']);
  if (rng.chance(0.2)) filters.regions = [pick(['cn-hangzhou', 'cn-shanghai', 'cn-beijing'])];
  if (rng.chance(0.15)) filters.memoryMin = pick([1024, 4096, 16_384]);
  if (rng.chance(0.15)) filters.tags = [{ Key: 'env', Value: pick(['prod', 'staging', 'dev']) }];
  if (rng.chance(0.1)) filters.internetAccess = false;
  if (rng.chance(0.1)) filters.prefix = pick(['pay', 'ads-', 'risk-ledger']);
  return { filters, sort: { field: pick(SORT_FIELDS), dir: rng.chance(0.5) ? 'asc' : 'desc' } };
}
