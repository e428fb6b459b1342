import type { Rng } from '@fc-fleet/fc-emulator';
import { SORT_FIELDS } from '@fc-fleet/fleet-contract';

/**
 * A random view as the dashboard would ask for it: a few filters out of the common ones, a sort
 * on any field either way, sometimes every region. Deterministic for a seeded generator.
 * @example randomViewQuery(createRng('x')); // 'region=all&has=gpu&sort=memorySize:desc'
 */
export function randomViewQuery(rng: Rng): string {
  const q = new URLSearchParams();
  if (rng.chance(0.5))
    q.set('region', rng.pick(['all', 'cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-hangzhou,cn-beijing']));
  if (rng.chance(0.3))
    q.set('runtime', rng.pick(['nodejs18', 'python3.10', 'custom-container', 'java11', 'nodejs8', 'go1']));
  if (rng.chance(0.3)) q.set('has', rng.pick(['vpc', 'gpu', 'nas', 'oss', 'container', 'layers', 'vpc,nas']));
  if (rng.chance(0.25)) q.set('q', rng.pick(['checkout', 'pay', 'zzzz-no-match', 'api-prod', 'ledger']));
  if (rng.chance(0.15)) q.set('memoryMin', String(rng.pick([1024, 4096, 16_384])));
  if (rng.chance(0.15)) q.set('tags', `env=${rng.pick(['prod', 'staging', 'dev'])}`);
  if (rng.chance(0.1)) q.set('internetAccess', 'false');
  if (rng.chance(0.1)) q.set('prefix', rng.pick(['pay', 'ads-', 'risk-ledger']));
  q.set('sort', `${rng.pick(SORT_FIELDS)}:${rng.chance(0.5) ? 'asc' : 'desc'}`);
  return q.toString();
}
