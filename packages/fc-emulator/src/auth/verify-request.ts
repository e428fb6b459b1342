import { buildCanonicalRequest, parseAuthorization, stringToSign, timingSafeEqual } from '@fc-fleet/fc-api';
import type { EmulatorError } from '../errors.ts';
import type { CredentialStore } from './credential-store.ts';
import type { createNonceCache } from './nonce-cache.ts';

/** The cloud's allowed clock skew. */
export const MAX_SKEW_MS = 15 * 60_000;

const REQUIRED_HEADERS = [
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
  'x-acs-version',
  'x-acs-action',
];
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** What verification needs to know about a request. */
export interface VerifiableRequest {
  method: string;
  /** The path as it came over the wire, still percent-encoded. */
  rawPath: string;
  query: Record<string, string>;
  headers: Headers;
  host: string;
  bodySha256: string;
}

/** Dependencies of the verifier. */
export interface VerifyContext {
  credentials: CredentialStore;
  nonces: ReturnType<typeof createNonceCache>;
  nowMs: number;
}

const forbidden = (code: string, message: string): EmulatorError => ({ status: 403, code, message });

/** Checks an ACS3-HMAC-SHA256 request as the cloud does; undefined when it passes. */
export async function verifyRequest(
  req: VerifiableRequest,
  ctx: VerifyContext,
): Promise<EmulatorError | undefined> {
  const auth = req.headers.get('authorization');
  if (!auth)
    return {
      status: 400,
      code: 'MissingRequiredHeader',
      message: 'The request must carry an Authorization header.',
    };
  for (const name of REQUIRED_HEADERS) {
    if (!req.headers.get(name))
      return {
        status: 400,
        code: 'MissingRequiredHeader',
        message: `The request must carry the ${name} header.`,
      };
  }
  const date = req.headers.get('x-acs-date') ?? '';
  const dateMs = DATE_PATTERN.test(date) ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(dateMs))
    return {
      status: 400,
      code: 'InvalidArgument',
      message: `x-acs-date "${date}" is not YYYY-MM-DDTHH:mm:ssZ.`,
    };
  if (Math.abs(ctx.nowMs - dateMs) > MAX_SKEW_MS) {
    return forbidden(
      'RequestTimeTooSkewed',
      `The difference between the request time ${date} and the server time is more than 15 minutes.`,
    );
  }
  const parsed = parseAuthorization(auth);
  if (!parsed)
    return {
      status: 400,
      code: 'IncompleteSignature',
      message: 'The Authorization header is not a valid ACS3-HMAC-SHA256 signature.',
    };
  const entry = ctx.credentials.lookup(parsed.accessKeyId);
  if (!entry) return forbidden('InvalidAccessKeyID', 'The specified AccessKey ID does not exist.');
  const token = req.headers.get('x-acs-security-token');
  if (entry.key.securityToken !== undefined) {
    if (!token)
      return forbidden('InvalidSecurityToken.Missing', 'An STS AccessKey needs x-acs-security-token.');
    if (!timingSafeEqual(token, entry.key.securityToken))
      return forbidden(
        'InvalidSecurityToken.MismatchWithAccessKey',
        'The security token does not belong to this AccessKey.',
      );
    if (req.headers.get('x-acs-accesskey-id') !== parsed.accessKeyId)
      return forbidden(
        'InvalidSecurityToken.MismatchWithAccessKey',
        'x-acs-accesskey-id does not match the credential.',
      );
    if (entry.key.expiresAt !== undefined && ctx.nowMs >= entry.key.expiresAt)
      return forbidden('InvalidSecurityToken.Expired', 'The security token has expired.');
  } else if (token) {
    return forbidden(
      'InvalidSecurityToken.Malformed',
      'A permanent AccessKey must not carry a security token.',
    );
  }
  const mustSign = ['host'];
  req.headers.forEach((_value, name) => {
    if (name.startsWith('x-acs-')) mustSign.push(name);
  });
  const unsigned = mustSign.filter((name) => !parsed.signedHeaders.includes(name));
  if (unsigned.length > 0)
    return forbidden('SignatureNotMatch', `These headers must be signed: ${unsigned.join(', ')}.`);
  if (req.headers.get('x-acs-content-sha256') !== req.bodySha256) {
    return {
      status: 400,
      code: 'InvalidArgument',
      message: 'x-acs-content-sha256 does not match the SHA-256 of the body.',
    };
  }
  const headers: Record<string, string> = { host: req.host };
  for (const name of parsed.signedHeaders) if (name !== 'host') headers[name] = req.headers.get(name) ?? '';
  const input = {
    method: req.method,
    pathname: req.rawPath,
    query: req.query,
    headers,
    payloadHash: req.bodySha256,
    signedHeaders: parsed.signedHeaders,
  };
  const { signature } = await entry.signer.signature(input, entry.key.accessKeySecret);
  if (!timingSafeEqual(signature, parsed.signature)) {
    const expected = await stringToSign(buildCanonicalRequest(input).canonicalRequest);
    return forbidden(
      'SignatureNotMatch',
      `The request signature does not conform to Aliyun standards. Server string to sign is:${JSON.stringify(expected)}`,
    );
  }
  // Only a correctly signed request spends its nonce, so forged requests cannot burn others' nonces.
  if (!ctx.nonces.claim(`${parsed.accessKeyId}/${req.headers.get('x-acs-signature-nonce')}`, ctx.nowMs)) {
    return forbidden('SignatureNonceUsed', 'The x-acs-signature-nonce has already been used.');
  }
  return undefined;
}
