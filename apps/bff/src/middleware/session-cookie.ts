import { importHmacKey, timingSafeEqual } from '@fc-fleet/fc-api';

/** Why a session cookie was refused; `expired` asks the user to sign in again, the others are suspicious. */
export type SessionRefusal = 'malformed' | 'forged' | 'expired';

/** What `verify` makes of a cookie value. */
export type SessionVerdict = { ok: true; subject: string } | { ok: false; reason: SessionRefusal };

/** Issues and checks stateless session values. */
export interface SessionCodec {
  issue(subject: string): Promise<string>;
  verify(value: string): Promise<SessionVerdict>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function parseClaims(payload: string): { sub: string; exp: number } | undefined {
  const bytes = fromBase64Url(payload);
  if (!bytes) return undefined;
  try {
    const claims: unknown = JSON.parse(decoder.decode(bytes));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { sub, exp } = claims as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
    return { sub, exp };
  } catch {
    return undefined;
  }
}

/**
 * Stateless signed sessions: `base64url(JSON {sub, exp}).base64url(HMAC-SHA256)`. Nothing is stored
 * server-side, so a restart with the same secret keeps users signed in, and a new secret signs everyone out.
 * The signature is checked (in constant time) before the payload is even parsed.
 * @example
 * const codec = createSessionCodec(secret, 12 * 3_600_000, Date.now);
 * const value = await codec.issue('token');
 * await codec.verify(value); // { ok: true, subject: 'token' }
 */
export function createSessionCodec(secret: string, ttlMs: number, now: () => number): SessionCodec {
  if (secret.length < 32) throw new Error('the session secret must be at least 32 characters');
  if (!(ttlMs > 0)) throw new Error('the session lifetime must be positive');
  const key = importHmacKey(secret);
  const sign = async (payload: string) =>
    toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(payload))));

  return {
    async issue(subject) {
      const payload = toBase64Url(encoder.encode(JSON.stringify({ sub: subject, exp: now() + ttlMs })));
      return `${payload}.${await sign(payload)}`;
    },
    async verify(value) {
      const parts = value.split('.');
      const [payload, signature] = parts;
      if (parts.length !== 2 || !payload || !signature) return { ok: false, reason: 'malformed' };
      if (!timingSafeEqual(signature, await sign(payload))) return { ok: false, reason: 'forged' };
      const claims = parseClaims(payload);
      if (!claims) return { ok: false, reason: 'malformed' };
      if (claims.exp <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, subject: claims.sub };
    },
  };
}
