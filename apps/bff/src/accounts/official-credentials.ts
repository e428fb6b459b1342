import Credential, { Config } from '@alicloud/credentials';
import type { FcCredentials } from '@fc-fleet/fc-api';
import type { Account } from './account.ts';
import type { CredentialSource } from './accounts-file.ts';

type Provided = Pick<Account, 'credentials' | 'secrets'>;

// The package is CommonJS with `exports.default`; loaders differ on what a default import gives.
type CredentialClass = new (config?: Config | null) => Credential;
const credentialModule = Credential as unknown as CredentialClass | { default: CredentialClass };
const CredentialCtor: CredentialClass =
  typeof credentialModule === 'function' ? credentialModule : credentialModule.default;

function configFor(
  source: CredentialSource,
  vars: Record<string, string | undefined>,
): { ok: true; config?: Config } | { ok: false; problem: string } {
  const need = (name: string) => vars[name];
  switch (source.type) {
    case 'default':
      return { ok: true };
    case 'ecs_ram_role':
      return { ok: true, config: new Config({ type: 'ecs_ram_role', roleName: source.roleName }) };
    case 'oidc_role_arn':
      return {
        ok: true,
        config: new Config({
          type: 'oidc_role_arn',
          roleArn: source.roleArn,
          oidcProviderArn: source.oidcProviderArn,
          oidcTokenFilePath: source.oidcTokenFilePath,
        }),
      };
    default: {
      const missing = [
        source.accessKeyIdEnv,
        source.accessKeySecretEnv,
        ...(source.type === 'sts' ? [source.securityTokenEnv] : []),
      ].filter((n) => !need(n));
      if (missing.length)
        return { ok: false, problem: `environment variables ${missing.join(', ')} are not set` };
      const keys = {
        accessKeyId: need(source.accessKeyIdEnv),
        accessKeySecret: need(source.accessKeySecretEnv),
      };
      if (source.type === 'access_key')
        return { ok: true, config: new Config({ type: 'access_key', ...keys }) };
      if (source.type === 'sts')
        return {
          ok: true,
          config: new Config({ type: 'sts', ...keys, securityToken: need(source.securityTokenEnv) }),
        };
      return {
        ok: true,
        config: new Config({
          type: 'ram_role_arn',
          ...keys,
          roleArn: source.roleArn,
          roleSessionName: source.roleSessionName ?? 'fc-fleet',
        }),
      };
    }
  }
}

/**
 * Credentials through the official `@alicloud/credentials` providers, which cache STS credentials
 * and refresh them before they expire. Remembers the values in use so logs can be scrubbed.
 * @example const creds = officialCredentials({ type: 'default' }, process.env);
 */
export function officialCredentials(
  source: CredentialSource,
  vars: Record<string, string | undefined>,
): { ok: true; value: Provided } | { ok: false; problem: string } {
  const made = configFor(source, vars);
  if (!made.ok) return made;
  let client: Credential;
  try {
    client = new CredentialCtor(made.config ?? null);
  } catch (error) {
    return {
      ok: false,
      problem: `credentials are not usable: ${error instanceof Error ? error.message : 'unknown error'}`,
    };
  }
  const inUse = new Set<string>();
  return {
    ok: true,
    value: {
      async credentials(): Promise<FcCredentials> {
        const model = await client.getCredential();
        if (!model.accessKeyId || !model.accessKeySecret)
          throw new Error('the credential provider returned no AccessKey');
        inUse.add(model.accessKeyId);
        inUse.add(model.accessKeySecret);
        if (model.securityToken) inUse.add(model.securityToken);
        if (inUse.size > 20) inUse.delete(inUse.values().next().value ?? '');
        return {
          accessKeyId: model.accessKeyId,
          accessKeySecret: model.accessKeySecret,
          securityToken: model.securityToken || undefined,
        };
      },
      secrets: () => [...inUse],
    },
  };
}
