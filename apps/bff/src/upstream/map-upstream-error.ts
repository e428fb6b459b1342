import { type FcError, isThrottlingCode } from '@fc-fleet/fc-api';
import { ApiError, type ErrorCode } from '../errors.ts';

const AUTH_CODES =
  /^(SignatureNotMatch|InvalidAccessKeyI[dD]|InvalidSecurityToken|AccessDenied|Forbidden|RequestTimeTooSkewed|SignatureNonceUsed)/;

/** The BFF code for an upstream failure. */
export function upstreamErrorCode(error: Pick<FcError, 'code' | 'httpStatus'>): ErrorCode {
  const { code, httpStatus } = error;
  if (isThrottlingCode(code) || httpStatus === 429) return 'UpstreamThrottled';
  if (code === 'RequestTimeout') return 'UpstreamTimeout';
  if (code === 'CredentialsUnavailable') return 'CredentialsUnavailable';
  if (code === 'FunctionNotFound') return 'FunctionNotFound';
  if (code === 'MalformedResponse' || code === 'InvalidResponse') return 'UpstreamBadResponse';
  if (code === 'NetworkError' || (httpStatus !== undefined && httpStatus >= 500))
    return 'UpstreamUnavailable';
  if (AUTH_CODES.test(code)) return 'UpstreamAuthFailed';
  return 'UpstreamRejected';
}

/**
 * Turns an upstream failure into the BFF's error: a specific code, a message that names the region
 * and the cloud's own code and request id, and `Retry-After` when the cloud asked for a pause.
 * @example throw toApiError('cn-hangzhou', result.error);
 */
export function toApiError(region: string, error: FcError): ApiError {
  const code = upstreamErrorCode(error);
  const requestId = error.requestId ? ` (FC request ${error.requestId})` : '';
  const headers: Record<string, string> = {};
  if (code === 'UpstreamThrottled' || code === 'UpstreamUnavailable' || code === 'CredentialsUnavailable') {
    headers['Retry-After'] = String(Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
  }
  const message =
    code === 'FunctionNotFound'
      ? `${region}: ${error.message}`
      : `${region}: Function Compute answered ${error.code}: ${error.message}${requestId}`;
  return new ApiError(code, message, headers);
}
