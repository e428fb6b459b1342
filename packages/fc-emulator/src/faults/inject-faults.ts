import type { MiddlewareHandler } from 'hono';
import { type EmulatorEnv, errorResponse } from '../errors.ts';
import type { Rng } from '../fleet/prng.ts';
import type { FaultOptions } from './fault-options.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injects the configured faults around the API: latency first, then gateway-level refusals
 * (region down, throttling, 5xx) before the request is even authenticated, as the cloud's
 * gateway does, then damage to successful bodies.
 */
export function injectFaults(
  getFaults: () => FaultOptions,
  rng: Rng,
  now: () => number = Date.now,
): MiddlewareHandler<EmulatorEnv> {
  // One token bucket per region, with a second's worth of burst, like a per-API flow control.
  const buckets = new Map<string, { tokens: number; at: number }>();
  const overLimit = (region: string, perSecond: number) => {
    const t = now();
    const bucket = buckets.get(region) ?? { tokens: perSecond, at: t };
    bucket.tokens = Math.min(perSecond, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(region, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  };
  return async (c, next) => {
    const faults = getFaults();
    const delay = faults.latencyMs + (faults.latencyJitterMs ? rng.int(0, faults.latencyJitterMs) : 0);
    if (delay > 0) await sleep(delay);
    if (faults.downRegions.includes(c.get('region'))) {
      return errorResponse(c, {
        status: 503,
        code: 'ServiceUnavailable',
        message: 'The service is temporarily unavailable.',
      });
    }
    const limited =
      faults.rateLimitPerSecond !== undefined && overLimit(c.get('region'), faults.rateLimitPerSecond);
    if (limited || (faults.throttleRate > 0 && rng.chance(faults.throttleRate))) {
      const headers: Record<string, string> =
        faults.retryAfterMs !== undefined ? { 'x-acs-retry-after': String(faults.retryAfterMs) } : {};
      return errorResponse(
        c,
        { status: 429, code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
        headers,
      );
    }
    if (faults.serverErrorRate > 0 && rng.chance(faults.serverErrorRate)) {
      return rng.chance(0.5)
        ? errorResponse(c, {
            status: 500,
            code: 'InternalServerError',
            message: 'The request processing has failed due to some unknown error.',
          })
        : errorResponse(c, {
            status: 503,
            code: 'ServiceUnavailable',
            message: 'The service is temporarily unavailable.',
          });
    }
    await next();
    if (c.res.status !== 200) return undefined;
    const truncate = faults.truncateRate > 0 && rng.chance(faults.truncateRate);
    const malform = !truncate && faults.malformRate > 0 && rng.chance(faults.malformRate);
    if (!truncate && !malform) return undefined;
    const text = await c.res.text();
    const body = truncate
      ? text.slice(0, Math.floor(text.length / 2))
      : '<html><body>502 Bad Gateway</body></html>';
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(body, { status: 200, headers });
    return undefined;
  };
}
