import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { clientAddress } from './client-address.ts';

/** Options of `rateLimit`. */
export interface RateLimitOptions {
  /** Sustained requests per minute per `rateLimitKey` (a session, a client or a user). */
  perMinute: number;
  /** Requests a rested client may send at once; `max(10, perMinute / 6)` by default. */
  burst?: number;
  now?: () => number;
  /** Buckets kept at most; the least recently seen key is forgotten first. 10,000 by default. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per `rateLimitKey` (set by the auth middleware, so it must run after it): per
 * session, per bearer client address, per proxy user, never one bucket for everyone who shares the
 * token. Memory is bounded: a Map in recency order drops its oldest entry, and a forgotten key starts
 * with a full bucket.
 * @example app.use(auth.middleware).use(rateLimit({ perMinute: env.FC_RATE_LIMIT_PER_MINUTE }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { perMinute } = options;
  if (!(perMinute > 0)) throw new Error('perMinute must be positive');
  const burst = options.burst ?? Math.max(10, Math.floor(perMinute / 6));
  if (!(burst >= 1)) throw new Error('burst must be at least 1');
  const maxClients = Math.max(1, options.maxClients ?? 10_000);
  const now = options.now ?? Date.now;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const bucketFor = (key: string, at: number): Bucket => {
    const known = buckets.get(key);
    // Re-inserting moves the key to the end: the Map's first key is always the least recently used.
    buckets.delete(key);
    const bucket = known
      ? { tokens: Math.min(burst, known.tokens + Math.max(0, at - known.updatedAt) * perMs), updatedAt: at }
      : { tokens: burst, updatedAt: at };
    buckets.set(key, bucket);
    for (const oldest of buckets.keys()) {
      if (buckets.size <= maxClients) break;
      buckets.delete(oldest);
    }
    return bucket;
  };

  return async (c, next) => {
    // `rateLimitKey` is typed as always set, but a mis-ordered app would leave it empty: fall back to the
    // peer, never to the principal, which every token user shares.
    const key = c.get('rateLimitKey') || clientAddress(c) || 'anonymous';
    const bucket = bucketFor(key, now());
    const limit = { 'RateLimit-Limit': String(burst) };
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new ApiError('RateLimited', `Too many requests; retry in ${seconds} s`, {
        ...limit,
        'RateLimit-Remaining': '0',
        'Retry-After': String(seconds),
      });
    }
    bucket.tokens -= 1;
    c.header('RateLimit-Limit', limit['RateLimit-Limit']);
    c.header('RateLimit-Remaining', String(Math.floor(bucket.tokens)));
    await next();
  };
}
