import { createEmulator, DEFAULT_EMULATOR_CREDENTIALS, DEFAULT_REGIONS } from '@fc-fleet/fc-emulator';
import type { BffEnv } from '../env.ts';
import type { Account } from './account.ts';
import type { ResolvedAccounts } from './resolve-accounts.ts';

// Loaded only in demo mode (resolve-accounts.ts imports it when it falls back to the demo).

/** The demo: the emulator in-process with its generated fleet, reached through the same signed client. */
export function demoAccounts(env: BffEnv, reason: string): ResolvedAccounts {
  const regions = env.FC_REGIONS ?? [...DEFAULT_REGIONS];
  const emulator = createEmulator({
    fleet: { regions, functionsPerRegion: env.FC_DEMO_FUNCTIONS_PER_REGION },
    control: env.FC_DEMO_CONTROL_PORT !== undefined,
  });
  const account: Account = {
    alias: 'demo',
    accountId: emulator.fleet.options.accountId,
    regions,
    endpoint: emulator.endpointTemplate('http://fc-emulator.demo'),
    fetch: emulator.fetch,
    upstreamRps: 1000,
    credentials: async () => DEFAULT_EMULATOR_CREDENTIALS,
    secrets: () => [DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret],
  };
  return { ok: true, accounts: [account], demo: true, reason, emulator };
}
