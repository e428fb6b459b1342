import {
  canonicalQueryString,
  createAcs3Signer,
  EMPTY_BODY_SHA256,
  type FcCredentials,
  formatAcsDate,
} from '@fc-fleet/fc-api';

/** Knobs for building a request by hand, including the broken ones the client would never send. */
export interface RawRequestOptions {
  path?: string;
  query?: Record<string, string>;
  credentials?: FcCredentials;
  date?: Date;
  nonce?: string;
  action?: string;
  /** Applied after signing, to tamper with a signed request. */
  tamper?: (headers: Record<string, string>) => void;
  /** Raw query string appended instead of `query` (for repeated keys). */
  rawSearch?: string;
}

/** Builds a signed Request for the emulator, the way a hand-written client would. */
export async function signedRequest(
  credentials: FcCredentials,
  options: RawRequestOptions = {},
): Promise<Request> {
  const path = options.path ?? '/2023-03-30/functions';
  const query = options.query ?? {};
  const host = 'emulator.test';
  const creds = options.credentials ?? credentials;
  const headers: Record<string, string> = {
    host,
    'x-acs-action': options.action ?? 'ListFunctions',
    'x-acs-version': '2023-03-30',
    'x-acs-date': formatAcsDate(options.date ?? new Date()),
    'x-acs-signature-nonce': options.nonce ?? crypto.randomUUID(),
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  };
  if (creds.securityToken) {
    headers['x-acs-accesskey-id'] = creds.accessKeyId;
    headers['x-acs-security-token'] = creds.securityToken;
  }
  headers.authorization = await createAcs3Signer().authorization(
    { method: 'GET', pathname: path, query, headers, payloadHash: EMPTY_BODY_SHA256 },
    creds,
  );
  options.tamper?.(headers);
  const search = options.rawSearch ?? canonicalQueryString(query);
  return new Request(`http://${host}${path}${search ? `?${search}` : ''}`, { headers });
}
