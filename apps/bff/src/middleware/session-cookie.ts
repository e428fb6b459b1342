import { importHmacKey, timingSafeEqual } from '@fc-fleet/fc-api';

/** The name of the session cookie that sign-in sets in token mode. */
export const SESSION_COOKIE = 'fc_fleet_session';

/**
 * Why a session cookie was refused. `expired` and `credential-changed` (the token it was made with
 * has been rotated) ask the user to sign in again; the others are suspicious.
 */
export type SessionRefusal = 'malformed' | 'forged' | 'expired' | 'credential-changed';

/** What `verify` makes of a cookie value: a live session has a random id of its own. */
export type SessionVerdict = { ok: true; sessionId: string } | { ok: false; reason: SessionRefusal };

/** Issues and checks stateless session values. */
export interface SessionCodec {
  issue(): Promise<{ value: string; sessionId: string }>;
  verify(value: string): Promise<SessionVerdict>;
}

/** What `createSessionCodec` signs with and binds sessions to. */
export interface SessionCodecOptions {
  /** Signs the cookie and keys the credential fingerprint; at least 32 characters. */
  secret: string;
  /** The credential that signs users in (FC_AUTH_TOKEN): when it changes, every session ends. */
  credential: string;
  ttlMs: number;
  now: () => number;
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

interface Claims {
  sid: string;
  cred: string;
  exp: number;
}

function parseClaims(payload: string): Claims | undefined {
  const bytes = fromBase64Url(payload);
  if (!bytes) return undefined;
  try {
    const claims: unknown = JSON.parse(decoder.decode(bytes));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { sid, cred, exp } = claims as Record<string, unknown>;
    if (typeof sid !== 'string' || typeof cred !== 'string') return undefined;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
    return { sid, cred, exp };
  } catch {
    return undefined;
  }
}

/**
 * Stateless signed sessions: `base64url(JSON {sid, cred, exp}).base64url(HMAC-SHA256)`. `sid` is a
 * random id per sign-in (it keys rate limits); `cred` is a short keyed fingerprint of the credential
 * the session was made with, never the credential itself, so rotating FC_AUTH_TOKEN ends every
 * session and a new session secret does too. Nothing is stored server-side: a restart with the same
 * secret and token keeps users signed in. The signature is checked (in constant time) before the
 * payload is even parsed.
 * @example
 * const codec = createSessionCodec({ secret, credential: token, ttlMs: 12 * 3_600_000, now: Date.now });
 * const { value } = await codec.issue();
 * await codec.verify(value); // { ok: true, sessionId: 'k3…' }
 */
export function createSessionCodec(options: SessionCodecOptions): SessionCodec {
  const { secret, ttlMs, now } = options;
  if (secret.length < 32) throw new Error('the session secret must be at least 32 characters');
  if (!(ttlMs > 0)) throw new Error('the session lifetime must be positive');
  const key = importHmacKey(secret);
  const mac = async (text: string) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(text)));
  const sign = async (payload: string) => toBase64Url(await mac(payload));
  // Signed payloads are base64url, which has no space: this input can never be one of them.
  const fingerprint = mac(`fc-fleet session credential ${options.credential}`).then((bytes) =>
    toBase64Url(bytes.slice(0, 16)),
  );

  return {
    async issue() {
      const sessionId = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
      const claims: Claims = { sid: sessionId, cred: await fingerprint, exp: now() + ttlMs };
      const payload = toBase64Url(encoder.encode(JSON.stringify(claims)));
      return { value: `${payload}.${await sign(payload)}`, sessionId };
    },
    async verify(value) {
      const parts = value.split('.');
      const [payload, signature] = parts;
      if (parts.length !== 2 || !payload || !signature) return { ok: false, reason: 'malformed' };
      if (!timingSafeEqual(signature, await sign(payload))) return { ok: false, reason: 'forged' };
      const claims = parseClaims(payload);
      if (!claims) return { ok: false, reason: 'malformed' };
      if (!timingSafeEqual(claims.cred, await fingerprint))
        return { ok: false, reason: 'credential-changed' };
      if (claims.exp <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, sessionId: claims.sid };
    },
  };
}
