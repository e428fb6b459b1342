import type { Fleet } from './generate-fleet.ts';
import { createRng } from './prng.ts';

/** How the fleet changes under a paging client. */
export interface ChurnOptions {
  seed: string;
  /** Changes applied after every ListFunctions answer. */
  changesPerList: number;
  /** Shares of creates and deletes; the rest are edits. */
  createShare?: number;
  deleteShare?: number;
}

/** One change the schedule made, so a test can tell which functions did not exist throughout. */
export interface ChurnEvent {
  kind: 'create' | 'delete' | 'edit';
  region: string;
  name: string;
}

const PREFIXES = ['ads', 'billing', 'orders', 'payments', 'search', 'zeta'];

/**
 * A deterministic schedule of creates, deletes and edits across the emulator's regions. Same
 * seed, same requests: same changes, so a failure replays exactly.
 * @example const churn = createChurn(fleet, { seed: 'x', changesPerList: 10 }); churn.step();
 */
export function createChurn(fleet: Fleet, options: ChurnOptions) {
  const rng = createRng(`churn/${options.seed}`);
  const log: ChurnEvent[] = [];
  const createShare = options.createShare ?? 0.4;
  const deleteShare = options.deleteShare ?? 0.4;
  return {
    /** Applies one round of changes. */
    step(): void {
      for (let i = 0; i < options.changesPerList; i++) {
        const regionName = rng.pick(fleet.regions());
        const region = fleet.region(regionName);
        if (!region) continue;
        const roll = rng.next();
        if (roll < createShare) {
          const name = `${rng.pick(PREFIXES)}-churn-${rng.alnum(8)}`;
          region.put({
            fn: {
              functionName: name,
              runtime: 'python3.10',
              memorySize: 512,
              description: 'created while you scrolled',
              vpcConfig: { vpcId: 'vpc-churn', vSwitchIds: [], securityGroupId: '' },
            },
            fcVersion: 'v3',
            status: { state: 'Pending', lastUpdateStatus: 'InProgress' },
          });
          log.push({ kind: 'create', region: regionName, name });
        } else if (region.size > 0) {
          const names = region.allNames();
          const name = names[rng.int(0, names.length - 1)] ?? '';
          if (roll < createShare + deleteShare) {
            region.delete(name);
            log.push({ kind: 'delete', region: regionName, name });
          } else {
            const stored = region.get(name);
            if (stored)
              region.put({
                ...stored,
                fn: {
                  ...stored.fn,
                  description: `edited ${rng.alnum(4)}`,
                  lastModifiedTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
                },
              });
            log.push({ kind: 'edit', region: regionName, name });
          }
        }
      }
    },
    /** Every change so far. */
    log: (): readonly ChurnEvent[] => log,
  };
}

/** A schedule made by `createChurn`. */
export type Churn = ReturnType<typeof createChurn>;
