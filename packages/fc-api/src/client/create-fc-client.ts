import { type FcFunction, functionSchema } from '../schemas/function.ts';
import {
  type ListFunctionsOutput,
  type ListFunctionsQuery,
  listFunctionsOutputSchema,
  listFunctionsQuerySchema,
} from '../schemas/list-functions.ts';
import { createAcs3Signer, type FcCredentials } from '../signer/sign-request.ts';
import { DEFAULT_ENDPOINT_TEMPLATE, resolveEndpoint } from './endpoint.ts';
import {
  CLIENT_ERROR_CODES,
  type FcError,
  FcRequestError,
  type FcResult,
  isThrottlingCode,
} from './fc-error.ts';
import {
  abortableSleep,
  backoffDelay,
  DEFAULT_RETRY,
  type RetryBudget,
  type RetryOptions,
} from './retry-policy.ts';
import { type FcOperation, sendAttempt } from './send-attempt.ts';

/** Something the client did, for metrics. */
export type FcClientEvent =
  | { type: 'attempt'; action: string; region: string }
  | { type: 'retry'; action: string; region: string; code: string; delayMs: number }
  | { type: 'throttled'; action: string; region: string; code: string }
  | { type: 'done'; action: string; region: string; ok: boolean; code?: string; attempts: number };

/** Everything the client needs, passed in from the edge. */
export interface FcClientOptions {
  region: string;
  /** Template with `{region}`; default `https://fcv3.{region}.aliyuncs.com`. */
  endpoint?: string;
  /** Called before every attempt, so rotating STS credentials are always current. */
  credentials: () => FcCredentials | Promise<FcCredentials>;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Per-attempt timeout covering the whole answer; default 10 s. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Shared retry budget; without one, only `maxAttempts` bounds retries. */
  retryBudget?: RetryBudget;
  random?: () => number;
  nonce?: () => string;
  userAgent?: string;
  onEvent?: (event: FcClientEvent) => void;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

function aborted(attempts: number): { ok: false; error: FcError } {
  return {
    ok: false,
    error: {
      code: CLIENT_ERROR_CODES.aborted,
      message: 'the request was aborted',
      retryable: false,
      attempts,
    },
  };
}

function toWireQuery(query: ListFunctionsQuery): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    wire[key] = key === 'tags' ? JSON.stringify(value) : String(value);
  }
  return wire;
}

/**
 * A Function Compute 3.0 client for one region: signed, retried, time-bounded calls whose failures
 * are values.
 * @example
 * const fc = createFcClient({ region: 'cn-hangzhou', credentials: () => ({ accessKeyId, accessKeySecret }) });
 * const page = await fc.listFunctions({ limit: 100 });
 */
export function createFcClient(options: FcClientOptions) {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const signer = createAcs3Signer();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const nonce = options.nonce ?? (() => crypto.randomUUID());
  const emit = options.onEvent ?? (() => {});
  const region = options.region;
  const endpoint = resolveEndpoint(options.endpoint ?? DEFAULT_ENDPOINT_TEMPLATE, region);

  async function call<T>(op: FcOperation<T>, callOptions: CallOptions = {}): Promise<FcResult<T>> {
    if (!endpoint.ok) {
      return {
        ok: false,
        error: { code: CLIENT_ERROR_CODES.badRequest, message: endpoint.message, retryable: false },
      };
    }
    const { signal } = callOptions;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        return aborted(attempt - 1);
      }
      let credentials: FcCredentials;
      try {
        credentials = await options.credentials();
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : 'unknown reason';
        return {
          ok: false,
          error: {
            code: CLIENT_ERROR_CODES.credentials,
            message: `credentials could not be resolved: ${detail}`,
            retryable: true,
            attempts: attempt,
          },
        };
      }
      emit({ type: 'attempt', action: op.action, region });
      const result = await sendAttempt(op, {
        base: endpoint.url,
        credentials,
        signer,
        fetch: doFetch,
        now,
        nonce,
        userAgent: options.userAgent ?? 'fc-fleet/0.1',
        timeoutMs: options.timeoutMs ?? 10_000,
        signal,
      });
      if (result.ok) {
        options.retryBudget?.recordSuccess();
        emit({ type: 'done', action: op.action, region, ok: true, attempts: attempt });
        return { ...result, attempts: attempt };
      }
      const error = { ...result.error, attempts: attempt };
      if (isThrottlingCode(error.code) || error.httpStatus === 429)
        emit({ type: 'throttled', action: op.action, region, code: error.code });
      const tooLong = error.retryAfterMs !== undefined && error.retryAfterMs > retry.maxRetryAfterMs;
      const canRetry =
        error.retryable &&
        !tooLong &&
        attempt < retry.maxAttempts &&
        (options.retryBudget?.tryAcquire() ?? true);
      if (!canRetry) {
        emit({ type: 'done', action: op.action, region, ok: false, code: error.code, attempts: attempt });
        return { ok: false, error };
      }
      const delayMs = backoffDelay(attempt, retry, random, error.retryAfterMs);
      emit({ type: 'retry', action: op.action, region, code: error.code, delayMs });
      try {
        await abortableSleep(delayMs, signal);
      } catch {
        return aborted(attempt);
      }
    }
  }

  return {
    region,
    /** One page of ListFunctions. The query is validated before anything is sent. */
    async listFunctions(
      query: ListFunctionsQuery = {},
      callOptions?: CallOptions,
    ): Promise<FcResult<ListFunctionsOutput>> {
      const checked = listFunctionsQuerySchema.safeParse(query);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const message = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid query';
        return { ok: false, error: { code: CLIENT_ERROR_CODES.badRequest, message, retryable: false } };
      }
      const op = {
        action: 'ListFunctions',
        segments: ['functions'],
        query: toWireQuery(checked.data),
        schema: listFunctionsOutputSchema,
      };
      return call(op, callOptions);
    },
    /** GetFunction: the full object, with `state` and the last update status. */
    getFunction(
      name: string,
      callOptions?: CallOptions & { qualifier?: string },
    ): Promise<FcResult<FcFunction>> {
      const query: Record<string, string> = callOptions?.qualifier
        ? { qualifier: callOptions.qualifier }
        : {};
      return call(
        { action: 'GetFunction', segments: ['functions', name], query, schema: functionSchema },
        callOptions,
      );
    },
    /**
     * Every page of ListFunctions, in order. Throws `FcRequestError` when a page fails after its
     * retries, and when the server hands back a token it already gave (a loop).
     */
    async *pages(
      query: Omit<ListFunctionsQuery, 'nextToken'> = {},
      callOptions?: CallOptions,
    ): AsyncGenerator<ListFunctionsOutput> {
      const seen = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await this.listFunctions({ ...query, nextToken }, callOptions);
        if (!page.ok) throw new FcRequestError(page.error);
        yield page.value;
        nextToken = page.value.nextToken || undefined;
        if (nextToken !== undefined) {
          if (seen.has(nextToken)) {
            throw new FcRequestError({
              code: CLIENT_ERROR_CODES.tokenLoop,
              message: 'the server returned a nextToken it had already returned',
              retryable: false,
            });
          }
          seen.add(nextToken);
        }
      } while (nextToken !== undefined);
    },
  };
}

/** A client made by `createFcClient`. */
export type FcClient = ReturnType<typeof createFcClient>;
