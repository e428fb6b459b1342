import { createHash, createHmac } from 'node:crypto';

/** The key environment values are printed with, and a short id that tells prints of two keys apart. */
export interface PrintKey {
  id: string;
  key: Buffer;
}

/**
 * A print key derived from a secret the BFF holds (never stored in the index): the same secret
 * gives the same key, so prints stay comparable across restarts and replicas.
 * @example const key = printKey(process.env.FC_SESSION_SECRET);
 */
export function printKey(secret: string): PrintKey {
  const key = createHmac('sha256', secret).update('fc-fleet environment prints v1').digest();
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
}

/**
 * A keyed print of each environment variable's value, by name: `keyId.digest`. The index keeps
 * these instead of values, so a pass can tell that `DB_PASSWORD` changed without ever holding it;
 * without the key a print cannot be checked against a guessed value. Null when there are none.
 * @example envPrints({ DB_PASSWORD: 'x' }, key); // { DB_PASSWORD: 'k3Yd0aBc.Q2x…' }
 */
export function envPrints(
  env: Readonly<Record<string, string>> | null | undefined,
  key: PrintKey | undefined,
): Record<string, string> | null {
  if (!key || !env) return null;
  const names = Object.keys(env);
  if (names.length === 0) return null;
  const prints: Record<string, string> = {};
  for (const name of names.sort())
    prints[name] = `${key.id}.${createHmac('sha256', key.key)
      .update(`${name}\u0000${env[name] ?? ''}`)
      .digest('base64url')
      .slice(0, 22)}`;
  return prints;
}
