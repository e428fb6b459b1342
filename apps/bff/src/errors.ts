import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';

/** Every error code the BFF answers with, and its HTTP status. One list drives the type and the handler. */
export const ERROR_STATUS = {
  InvalidParameter: 400,
  InvalidCursor: 400,
  CursorExpired: 400,
  CursorMismatch: 400,
  UnknownAccount: 400,
  UnknownRegion: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  FunctionNotFound: 404,
  MethodNotAllowed: 405,
  MisdirectedRequest: 421,
  RequestTooLarge: 431,
  RateLimited: 429,
  UpstreamRejected: 502,
  UpstreamAuthFailed: 502,
  UpstreamBadResponse: 502,
  UpstreamUnavailable: 502,
  UpstreamThrottled: 503,
  CredentialsUnavailable: 503,
  NotReady: 503,
  StoreUnavailable: 503,
  UpstreamTimeout: 504,
  Internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

/** A code the BFF answers with. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * An expected failure inside a handler; `app.onError` turns it into the envelope with its status.
 * @example throw new ApiError('InvalidParameter', 'limit must be an integer from 1 to 100');
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.headers = headers;
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** The answer to an `ApiError`: its status and headers, and the envelope `{ code, message, requestId }`. */
export function apiErrorResponse(c: Context<AppEnv>, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(
    { code: error.code, message: error.message, requestId: c.get('requestId') ?? 'unknown' },
    error.status,
  );
}
