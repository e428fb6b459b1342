/** A failed FC call, as a value. Messages never carry a credential. */
export interface FcError {
  /** The cloud's code (`Throttling.User`, `FunctionNotFound`, ...) or one of ours (`RequestTimeout`, ...). */
  code: string;
  message: string;
  httpStatus?: number;
  requestId?: string;
  /** Whether trying again later may succeed. */
  retryable: boolean;
  /** The server's `x-acs-retry-after`, in milliseconds. */
  retryAfterMs?: number;
  /** How many attempts were made before giving up. */
  attempts?: number;
}

/** Outcome of an FC call: a value or a typed error, never a throw. */
export type FcResult<T> =
  | { ok: true; value: T; requestId?: string; attempts: number }
  | { ok: false; error: FcError };

/** Codes this client produces itself, for failures that never reached an FC answer. */
export const CLIENT_ERROR_CODES = {
  aborted: 'Aborted',
  timeout: 'RequestTimeout',
  network: 'NetworkError',
  malformed: 'MalformedResponse',
  invalid: 'InvalidResponse',
  unexpected: 'UnexpectedResponse',
  credentials: 'CredentialsUnavailable',
  badRequest: 'InvalidClientRequest',
  tokenLoop: 'PaginationLoop',
} as const;

/** Whether a code is one of the cloud's throttling codes (`Throttling`, `Throttling.User`, ...). */
export function isThrottlingCode(code: string): boolean {
  return code.includes('Throttling');
}

/** Whether an HTTP status and code together are worth retrying. */
export function isRetryableStatus(status: number, code: string): boolean {
  return status === 429 || status >= 500 || isThrottlingCode(code);
}

/** Replaces every occurrence of the given secrets with `***`. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** Thrown by the page iterator, which cannot return a value; carries the same `FcError`. */
export class FcRequestError extends Error {
  readonly error: FcError;
  constructor(error: FcError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'FcRequestError';
    this.error = error;
  }
}
