/** Algorithm name of the FC 3.0 signature. */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/**
 * RFC 3986 encoding as the official SDK does it: encodeURIComponent plus `!'()*`; `~` stays.
 * @example percentEncode("a b*(c)") // "a%20b%2A%28c%29"
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Path of a request as signed: the SDK normalises `+`, `*` and `%7E` in the already-encoded path. */
export function canonicalUri(pathname: string): string {
  return (pathname || '/').replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
}

/** Sorted `key=value` pairs; keys as given (FC's keys are plain ASCII), values RFC 3986 encoded. */
export function canonicalQueryString(query: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(query)
    .sort()
    .map((key) => {
      const value = query[key];
      return value === undefined ? `${key}=` : `${key}=${percentEncode(value)}`;
    })
    .join('&');
}

/** Whether a header takes part in the signature: `host`, `content-type` and every `x-acs-*`. */
export function isSignedHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

/** Names of the headers to sign, lower-case and sorted. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (isSignedHeader(lower)) names.add(lower);
  }
  return [...names].sort();
}

/** Parts of a request that the signature covers. */
export interface CanonicalInput {
  method: string;
  /** The path exactly as sent on the wire (already percent-encoded). */
  pathname: string;
  query: Readonly<Record<string, string | undefined>>;
  headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body. */
  payloadHash: string;
  /** Lower-case names to sign; by default every signable header present. */
  signedHeaders?: readonly string[];
}

/** Builds the canonical request `METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nPAYLOADHASH`. */
export function buildCanonicalRequest(input: CanonicalInput): {
  canonicalRequest: string;
  signedHeaders: string[];
} {
  const byLower = new Map<string, string[]>();
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    const list = byLower.get(lower) ?? [];
    list.push(value.trim());
    byLower.set(lower, list);
  }
  const signed = input.signedHeaders ? [...input.signedHeaders].sort() : signedHeaderNames(input.headers);
  let headerBlock = '';
  for (const name of signed) headerBlock += `${name}:${(byLower.get(name) ?? []).sort().join(',')}\n`;
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(input.pathname),
    canonicalQueryString(input.query),
    headerBlock,
    signed.join(';'),
    input.payloadHash,
  ].join('\n');
  return { canonicalRequest, signedHeaders: signed };
}
