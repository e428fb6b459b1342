import type { Rng } from '@fc-fleet/fc-emulator';

/** A kind of history query, and how to draw one at random. */
export interface ChangeQueryKind {
  name: string;
  draw: (rng: Rng) => string;
}

const svc = (n: number) => `svc-${String(n).padStart(6, '0')}`;

/**
 * The questions the Changes view and the drawer's History tab ask of `GET /api/changes`, from
 * "what changed anywhere" to one function's history; `regions` are the bench's, `functions` how
 * many `svc-` names the history holds.
 * @example const kind = rng.pick(changeQueryKinds(REGIONS, 300_000)); kind.draw(rng); // 'region=all&kind=deleted'
 */
export function changeQueryKinds(regions: readonly string[], functions: number): ChangeQueryKind[] {
  const region = (rng: Rng) => rng.pick(regions);
  return [
    { name: 'no filter (first region)', draw: () => '' },
    { name: 'region=all', draw: () => 'region=all' },
    { name: 'one region', draw: (rng) => `region=${region(rng)}` },
    { name: 'kind=deleted', draw: () => 'region=all&kind=deleted' },
    { name: 'field=memorySize', draw: () => 'region=all&field=memorySize' },
    { name: 'field=nasConfig (rare)', draw: () => 'region=all&field=nasConfig' },
    { name: 'field=juiceFsConfig (none)', draw: () => 'region=all&field=juiceFsConfig' },
    // The drawer's History tab: one function in its region.
    {
      name: 'name=<function> (History tab)',
      draw: (rng) => {
        const n = rng.int(0, functions - 1);
        return `region=${regions[n % regions.length]}&name=${svc(n)}`;
      },
    },
    {
      name: 'prefix=svc-0NNN',
      draw: (rng) => `region=all&prefix=svc-0${String(rng.int(0, 299)).padStart(3, '0')}`,
    },
    { name: 'since=24h', draw: () => 'region=all&since=24h' },
    { name: 'since=7d&kind=created', draw: () => 'region=all&since=7d&kind=created' },
    {
      name: 'region+kind+field',
      draw: (rng) =>
        `region=${region(rng)}&kind=modified&field=${rng.pick(['environmentVariables', 'runtime', 'layers'])}`,
    },
    { name: 'field=runtime&since=7d', draw: () => 'region=all&field=runtime&since=7d' },
    { name: 'until=180d (old events)', draw: () => 'region=all&until=180d' },
  ];
}
