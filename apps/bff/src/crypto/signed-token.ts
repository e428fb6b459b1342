import { importHmacKey, timingSafeEqual } from '@fc-fleet/fc-api';

// Everything the BFF signs (session cookies, list and history cursors) is one format: the JSON
// payload in base64url, a dot, and an HMAC-SHA256 of that text in base64url, under a key derived
// from the BFF's secret and the token's purpose, so a token made for one purpose is never good for
// another. The signature is checked, in constant time, before the payload is parsed.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Why a token was refused: not of the format, or not signed by this secret for this purpose. */
export type TokenRefusal = 'malformed' | 'forged';

/** Signs and opens the tokens of one purpose. */
export interface TokenSigner {
  /** The token for `payload` (any JSON value). */
  seal(payload: unknown): Promise<string>;
  /** The payload of a token this signer made, or why not. */
  open(token: string): Promise<{ ok: true; payload: unknown } | { ok: false; reason: TokenRefusal }>;
  /** A keyed fingerprint of `text` (base64url, 22 characters): lets a token name a secret without holding it. */
  fingerprint(text: string): Promise<string>;
}

/**
 * The signer of one purpose (`session`, `cursor`) under the BFF's secret.
 * @example const signer = createTokenSigner(secret, 'cursor'); const token = await signer.seal({ q: 'k' }); await signer.open(token); // { ok: true, payload: { q: 'k' } }
 */
export function createTokenSigner(secret: string, purpose: string): TokenSigner {
  const key = importHmacKey(`fc-fleet ${purpose}\n${secret}`);
  const mac = async (text: string) =>
    Buffer.from(await crypto.subtle.sign('HMAC', await key, encoder.encode(text))).toString('base64url');
  return {
    async seal(payload) {
      const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
      return `${body}.${await mac(body)}`;
    },
    async open(token) {
      const parts = token.split('.');
      const [body, signature] = parts;
      if (parts.length !== 2 || !body || !signature || !BASE64URL.test(body) || !BASE64URL.test(signature))
        return { ok: false, reason: 'malformed' };
      if (!timingSafeEqual(signature, await mac(body))) return { ok: false, reason: 'forged' };
      try {
        return { ok: true, payload: JSON.parse(decoder.decode(Buffer.from(body, 'base64url'))) as unknown };
      } catch {
        return { ok: false, reason: 'malformed' };
      }
    },
    // A dot never occurs in a token's body, so no fingerprint input can be mistaken for one.
    fingerprint: async (text) => (await mac(`fingerprint.${text}`)).slice(0, 22),
  };
}
