import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENDPOINT_TEMPLATE } from '@fc-fleet/fc-api';
import type { Emulator } from '@fc-fleet/fc-emulator';
import type { BffEnv } from '../env.ts';
import type { Account } from './account.ts';
import { accountsFileSchema, type CredentialSource } from './accounts-file.ts';
import { officialCredentials } from './official-credentials.ts';

/** The accounts to serve, whether they are the demo, and what to log about it. */
export type ResolvedAccounts =
  | { ok: true; accounts: Account[]; demo: boolean; reason: string; emulator?: Emulator }
  | { ok: false; problems: string[] };

const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_ECS_METADATA',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_PROFILE',
];

/**
 * Whether the official default chain has anything to find. We look before we ask, because asking
 * would probe the ECS metadata service from a laptop; on ECS, set ALIBABA_CLOUD_ECS_METADATA.
 */
export function chainHasSource(vars: Record<string, string | undefined>, home = homedir()): boolean {
  if (CHAIN_VARIABLES.some((name) => vars[name])) return true;
  return [
    join(home, '.alibabacloud', 'credentials'),
    join(home, '.alibabacloud', 'credentials.ini'),
    join(home, '.aliyun', 'config.json'),
  ].some((file) => existsSync(file));
}

/**
 * Why a file could not be read as JSON. A parser message quotes the text around the fault, which
 * may be a secret typed into the file by mistake, so only the position is kept.
 */
function readFailure(error: unknown): string {
  if (error instanceof SyntaxError) {
    const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec(error.message);
    return `not valid JSON${at ? ` ${at[0]}` : ''}`;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : 'unknown error';
}

function fromSource(source: CredentialSource, vars: Record<string, string | undefined>) {
  return officialCredentials(source, vars);
}

/**
 * Works out the accounts from FC_CONFIG, the credential chain, or (with nothing found, or
 * FC_DEMO=1) the demo. The emulator is loaded only for the demo: a BFF in front of the cloud
 * never has it in memory.
 */
export async function resolveAccounts(
  env: BffEnv,
  vars: Record<string, string | undefined>,
): Promise<ResolvedAccounts> {
  const endpoint = env.FC_ENDPOINT ?? DEFAULT_ENDPOINT_TEMPLATE;
  if (env.FC_CONFIG && !env.FC_DEMO) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(env.FC_CONFIG, 'utf8'));
    } catch (error) {
      return {
        ok: false,
        problems: [`FC_CONFIG: cannot read ${env.FC_CONFIG} as JSON (${readFailure(error)})`],
      };
    }
    const parsed = accountsFileSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => `FC_CONFIG ${i.path.join('.')}: ${i.message}`),
      };
    const accounts: Account[] = [];
    const problems: string[] = [];
    for (const a of parsed.data.accounts) {
      const creds = fromSource(a.credentials, vars);
      if (!creds.ok) problems.push(`FC_CONFIG account ${a.alias}: ${creds.problem}`);
      else
        accounts.push({
          alias: a.alias,
          accountId: a.accountId,
          regions: a.regions ?? env.FC_REGIONS ?? ['cn-hangzhou'],
          endpoint: a.endpoint ?? endpoint,
          ...creds.value,
        });
    }
    return problems.length
      ? { ok: false, problems }
      : { ok: true, accounts, demo: false, reason: `${accounts.length} account(s) from ${env.FC_CONFIG}` };
  }
  if (!env.FC_DEMO && chainHasSource(vars)) {
    const creds = fromSource({ type: 'default' }, vars);
    if (!creds.ok) return { ok: false, problems: [creds.problem] };
    const account: Account = {
      alias: env.FC_ACCOUNT_ALIAS,
      accountId: env.FC_ACCOUNT_ID,
      regions: env.FC_REGIONS ?? ['cn-hangzhou'],
      endpoint,
      ...creds.value,
    };
    return { ok: true, accounts: [account], demo: false, reason: 'credentials from the default chain' };
  }
  const { demoAccounts } = await import('./demo-accounts.ts');
  return demoAccounts(env, env.FC_DEMO ? 'FC_DEMO=1' : 'no credentials found');
}
