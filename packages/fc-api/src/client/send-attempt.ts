import type { z } from 'zod';
import { parseErrorBody } from '../schemas/error-body.ts';
import { canonicalQueryString, percentEncode } from '../signer/canonical-request.ts';
import { type Acs3Signer, type FcCredentials, formatAcsDate } from '../signer/sign-request.ts';
import { EMPTY_BODY_SHA256 } from '../signer/web-crypto.ts';
import {
  CLIENT_ERROR_CODES,
  type FcError,
  type FcResult,
  isRetryableStatus,
  scrubSecrets,
} from './fc-error.ts';

/** One API operation: what to call and how to read a success. */
export interface FcOperation<T> {
  action: string;
  /** Path segments after the version, unencoded: `['functions', name]`. */
  segments: readonly string[];
  query: Readonly<Record<string, string>>;
  schema: z.ZodType<T>;
}

/** What one attempt needs from the client around it. */
export interface AttemptContext {
  base: URL;
  credentials: FcCredentials;
  signer: Acs3Signer;
  fetch: typeof fetch;
  now: () => Date;
  nonce: () => string;
  userAgent: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const API_VERSION = '2023-03-30';

function fail(error: FcError): { ok: false; error: FcError } {
  return { ok: false, error };
}

function issuesSummary(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'response did not match the schema';
  return `${first.path.join('.') || '(root)'}: ${first.message}`;
}

/** Signs and sends one request, reads the whole answer, and turns every failure into an `FcError`. */
export async function sendAttempt<T>(op: FcOperation<T>, ctx: AttemptContext): Promise<FcResult<T>> {
  const pathname = `${ctx.base.pathname.replace(/\/+$/, '')}/${API_VERSION}/${op.segments.map(percentEncode).join('/')}`;
  const queryString = canonicalQueryString(op.query);
  const headers: Record<string, string> = {
    host: ctx.base.host,
    'x-acs-action': op.action,
    'x-acs-version': API_VERSION,
    'x-acs-date': formatAcsDate(ctx.now()),
    'x-acs-signature-nonce': ctx.nonce(),
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    accept: 'application/json',
  };
  const { accessKeyId, securityToken } = ctx.credentials;
  if (securityToken) {
    headers['x-acs-accesskey-id'] = accessKeyId;
    headers['x-acs-security-token'] = securityToken;
  }
  headers.authorization = await ctx.signer.authorization(
    { method: 'GET', pathname, query: op.query, headers, payloadHash: EMPTY_BODY_SHA256 },
    ctx.credentials,
  );
  // fetch sets Host itself from the URL, which is exactly the value we signed.
  const { host: _host, ...wireHeaders } = headers;
  wireHeaders['user-agent'] = ctx.userAgent;
  const url = `${ctx.base.origin}${pathname}${queryString ? `?${queryString}` : ''}`;
  const secrets = [ctx.credentials.accessKeySecret, securityToken];

  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let status: number;
  let requestIdHeader: string | undefined;
  let retryAfterHeader: string | null;
  let text: string;
  try {
    const response = await ctx.fetch(url, { method: 'GET', headers: wireHeaders, signal });
    status = response.status;
    requestIdHeader = response.headers.get('x-acs-request-id') ?? undefined;
    retryAfterHeader = response.headers.get('x-acs-retry-after');
    text = await response.text();
  } catch (cause) {
    if (ctx.signal?.aborted) {
      return fail({ code: CLIENT_ERROR_CODES.aborted, message: 'the request was aborted', retryable: false });
    }
    if (timeout.aborted) {
      return fail({
        code: CLIENT_ERROR_CODES.timeout,
        message: `no complete answer within ${ctx.timeoutMs} ms`,
        retryable: true,
      });
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    return fail({
      code: CLIENT_ERROR_CODES.network,
      message: scrubSecrets(`network error: ${detail}`, secrets),
      retryable: true,
    });
  }

  let body: unknown;
  let parsedJson = true;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsedJson = false;
  }
  if (status >= 200 && status < 300) {
    if (!parsedJson || body === undefined) {
      return fail({
        code: CLIENT_ERROR_CODES.malformed,
        message: `${op.action} answered ${status} with a body that is not complete JSON (${text.length} bytes)`,
        httpStatus: status,
        requestId: requestIdHeader,
        retryable: true,
      });
    }
    const parsed = op.schema.safeParse(body);
    if (!parsed.success) {
      return fail({
        code: CLIENT_ERROR_CODES.invalid,
        message: `${op.action} answer does not match the FC 3.0 schema: ${issuesSummary(parsed.error)}`,
        httpStatus: status,
        requestId: requestIdHeader,
        retryable: false,
      });
    }
    return { ok: true, value: parsed.data, requestId: requestIdHeader, attempts: 1 };
  }

  const retryAfter = retryAfterHeader === null ? undefined : Number(retryAfterHeader);
  const retryAfterMs =
    retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const errorBody = parsedJson ? parseErrorBody(body) : undefined;
  if (!errorBody) {
    return fail({
      code: CLIENT_ERROR_CODES.unexpected,
      message: `${op.action} answered HTTP ${status} without an FC error body`,
      httpStatus: status,
      requestId: requestIdHeader,
      retryable: isRetryableStatus(status, ''),
      retryAfterMs,
    });
  }
  return fail({
    code: errorBody.code,
    message: scrubSecrets(errorBody.message, secrets),
    httpStatus: status,
    requestId: errorBody.requestId ?? requestIdHeader,
    retryable: isRetryableStatus(status, errorBody.code),
    retryAfterMs,
  });
}
