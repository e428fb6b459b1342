import { timingSafeEqual } from '@fc-fleet/fc-api';
import { createTokenSigner } from '../crypto/signed-token.ts';

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

interface Claims {
  sid: string;
  cred: string;
  exp: number;
}

function asClaims(payload: unknown): Claims | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sid, cred, exp } = payload as Record<string, unknown>;
  if (typeof sid !== 'string' || typeof cred !== 'string') return undefined;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  return { sid, cred, exp };
}

/**
 * Stateless signed sessions: `{sid, cred, exp}` as a signed token (crypto/signed-token.ts). `sid` is a
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
  const signer = createTokenSigner(secret, 'session');
  const fingerprint = signer.fingerprint(`credential ${options.credential}`);

  return {
    async issue() {
      const sessionId = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
      const claims: Claims = { sid: sessionId, cred: await fingerprint, exp: now() + ttlMs };
      return { value: await signer.seal(claims), sessionId };
    },
    async verify(value) {
      const opened = await signer.open(value);
      if (!opened.ok) return opened;
      const claims = asClaims(opened.payload);
      if (!claims) return { ok: false, reason: 'malformed' };
      if (!timingSafeEqual(claims.cred, await fingerprint))
        return { ok: false, reason: 'credential-changed' };
      if (claims.exp <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, sessionId: claims.sid };
    },
  };
}
