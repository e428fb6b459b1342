import { type Acs3Signer, createAcs3Signer } from '@fc-fleet/fc-api';

/** A key pair the emulator accepts; with `securityToken` it is an STS pair that can expire. */
export interface EmulatorAccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** Epoch ms after which an STS pair is refused. */
  expiresAt?: number;
}

/** Known key pairs, each with its own signer (and so its own imported HMAC key). */
export function createCredentialStore(keys: readonly EmulatorAccessKey[]) {
  const byId = new Map<string, { key: EmulatorAccessKey; signer: Acs3Signer }>();
  for (const key of keys) byId.set(key.accessKeyId, { key, signer: createAcs3Signer() });
  return {
    lookup: (accessKeyId: string) => byId.get(accessKeyId),
    /** Adds or replaces a pair, e.g. a freshly issued STS pair in a rotation test. */
    add(key: EmulatorAccessKey): void {
      byId.set(key.accessKeyId, { key, signer: createAcs3Signer() });
    },
    remove(accessKeyId: string): void {
      byId.delete(accessKeyId);
    },
  };
}

/** A store made by `createCredentialStore`. */
export type CredentialStore = ReturnType<typeof createCredentialStore>;
