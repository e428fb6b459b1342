import { ACS3_ALGORITHM, buildCanonicalRequest, type CanonicalInput } from './canonical-request.ts';
import { hmacSha256Hex, importHmacKey, sha256Hex } from './web-crypto.ts';

/** An AccessKey pair, with the STS token when the pair is temporary. */
export interface FcCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** The three parts of an `Authorization: ACS3-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Formats an ACS3 date: `YYYY-MM-DDTHH:mm:ssZ`, UTC, no milliseconds. */
export function formatAcsDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** String to sign: the algorithm and the hex SHA-256 of the canonical request. */
export async function stringToSign(canonicalRequest: string): Promise<string> {
  return `${ACS3_ALGORITHM}\n${await sha256Hex(canonicalRequest)}`;
}

/**
 * Signs requests with ACS3-HMAC-SHA256 and keeps the imported key of the last secret, so that a
 * rotating STS secret costs one import per rotation rather than one per request.
 * @example
 * const signer = createAcs3Signer();
 * const auth = await signer.authorization(input, credentials);
 */
export function createAcs3Signer() {
  let cached: { secret: string; key: Promise<CryptoKey> } | undefined;
  const keyFor = (secret: string): Promise<CryptoKey> => {
    if (cached?.secret !== secret) cached = { secret, key: importHmacKey(secret) };
    return cached.key;
  };
  return {
    /** Hex signature of a canonical input. */
    async signature(
      input: CanonicalInput,
      secret: string,
    ): Promise<{ signature: string; signedHeaders: string[] }> {
      const { canonicalRequest, signedHeaders } = buildCanonicalRequest(input);
      const signature = await hmacSha256Hex(await keyFor(secret), await stringToSign(canonicalRequest));
      return { signature, signedHeaders };
    },
    /** The full `Authorization` header value. */
    async authorization(input: CanonicalInput, credentials: FcCredentials): Promise<string> {
      const { signature, signedHeaders } = await this.signature(input, credentials.accessKeySecret);
      return `${ACS3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
    },
  };
}

/** A signer made by `createAcs3Signer`. */
export type Acs3Signer = ReturnType<typeof createAcs3Signer>;

/** Parses an ACS3 `Authorization` header; undefined when it is not one. */
export function parseAuthorization(header: string | undefined | null): ParsedAuthorization | undefined {
  if (!header?.startsWith(`${ACS3_ALGORITHM} `)) return undefined;
  const parts = new Map<string, string>();
  for (const piece of header.slice(ACS3_ALGORITHM.length + 1).split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const accessKeyId = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  return { accessKeyId, signedHeaders: signedHeaders.split(';').filter(Boolean), signature };
}
