import { hmacSha256Hex, importHmacKey } from '@fc-fleet/fc-api';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(token: string): string | undefined {
  try {
    const binary = atob(token);
    return decoder.decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * Opaque, name-derived page tokens like the cloud's: base64 of `lastName#mac`. The MAC makes a
 * forged or corrupted token a clean `InvalidArgument` instead of a silent jump.
 */
export function createNextTokenCodec(secret: string) {
  const key = importHmacKey(`next-token:${secret}`);
  const mac = async (name: string) => (await hmacSha256Hex(await key, name)).slice(0, 16);
  return {
    async encode(lastName: string): Promise<string> {
      return toBase64(`${lastName}#${await mac(lastName)}`);
    },
    /** The last name of the previous page, or undefined when the token is not one of ours. */
    async decode(token: string): Promise<string | undefined> {
      if (token.length > 1024 || !/^[A-Za-z0-9+/]+=*$/.test(token)) return undefined;
      const text = fromBase64(token);
      const hash = text?.lastIndexOf('#') ?? -1;
      if (text === undefined || hash <= 0) return undefined;
      const name = text.slice(0, hash);
      return text.slice(hash + 1) === (await mac(name)) ? name : undefined;
    },
  };
}
