/** An error the BFF answered with (`{ code, message, requestId }`), or one the browser met on the way. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId?: string;
  constructor(code: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }
}

/**
 * The error envelope's code, message and request id, for any failure: what an error panel shows.
 * @example errorParts(new ApiError('Throttled', 'Slow down', 429, 'req-1')) // { code: 'Throttled', message: 'Slow down', requestId: 'req-1' }
 */
export function errorParts(error: unknown): { code: string; message: string; requestId?: string } {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, requestId: error.requestId };
  return { code: 'Error', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The URL of an API path under whatever base path the BFF serves us from (it sets `<base href>`). */
export function apiUrl(path: string, params?: URLSearchParams): string {
  const url = new URL(path.replace(/^\//, ''), document.baseURI);
  if (params) url.search = params.toString();
  return url.toString();
}

/**
 * GETs JSON from the BFF and checks its outer shape; every failure becomes an `ApiError` with a
 * code, so the UI can always say what went wrong and quote the request id.
 * @example const meta = await getJson('api/meta', parseMeta, { signal });
 */
export async function getJson<T>(
  path: string,
  parse: (body: unknown) => T,
  init: { params?: URLSearchParams; signal?: AbortSignal } = {},
): Promise<T> {
  const response = fetch(apiUrl(path, init.params), {
    signal: init.signal,
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  return readJson(response, parse, init.signal);
}

/**
 * POSTs to the BFF (the parameters say everything; there is no body) and reads the answer like
 * `getJson`: a refusal (429, 403) becomes an `ApiError` with the server's code and message.
 * @example const answer = await postJson('api/refresh', parseRefresh, { params });
 */
export async function postJson<T>(
  path: string,
  parse: (body: unknown) => T,
  init: { params?: URLSearchParams; signal?: AbortSignal } = {},
): Promise<T> {
  const response = fetch(apiUrl(path, init.params), {
    method: 'POST',
    signal: init.signal,
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  return readJson(response, parse, init.signal);
}

/** Reads a BFF answer that is already on its way (see `early-fetch.js`) the same way as `getJson`. */
export async function readJson<T>(
  pending: Promise<Response>,
  parse: (body: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      'NetworkError',
      'The FC Fleet server could not be reached. Check your connection and retry.',
      0,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      'BadResponse',
      `The server answered HTTP ${response.status} with something that is not JSON.`,
      response.status,
    );
  }
  if (!response.ok) {
    if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
      throw new ApiError(
        body.code,
        body.message,
        response.status,
        typeof body.requestId === 'string' ? body.requestId : undefined,
      );
    }
    throw new ApiError('BadResponse', `The server answered HTTP ${response.status}.`, response.status);
  }
  try {
    return parse(body);
  } catch (error) {
    throw new ApiError(
      'BadResponse',
      `The server's answer was not understood: ${error instanceof Error ? error.message : 'unknown shape'}.`,
      response.status,
    );
  }
}

/** Throws unless the value is an object; returns it typed as a record. */
export function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`${what} is not an object`);
  return value;
}

/** Throws unless the value is an array. */
export function expectArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}
