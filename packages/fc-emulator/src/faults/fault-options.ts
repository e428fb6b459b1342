import { z } from 'zod';

const rate = z.number().min(0).max(1);

/** Faults the emulator can inject, for tests, benchmarks and demos. All default to none. */
export const faultOptionsSchema = z.strictObject({
  /** Added to every answer, in ms. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Extra random latency on top, uniform in [0, latencyJitterMs]. */
  latencyJitterMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of requests answered 429 `Throttling.User`. */
  throttleRate: rate.default(0),
  /** `x-acs-retry-after` (ms) sent with throttling answers; absent when undefined. */
  retryAfterMs: z.number().int().min(0).max(600_000).optional(),
  /** The account's API limit: requests beyond this many per second (per region) are throttled, as the cloud does. */
  rateLimitPerSecond: z.number().positive().max(100_000).optional(),
  /** Share of requests answered 500/503. */
  serverErrorRate: rate.default(0),
  /** Share of successful answers whose body is cut in half. */
  truncateRate: rate.default(0),
  /** Share of successful answers whose body is not JSON at all. */
  malformRate: rate.default(0),
  /** Regions that answer 503 to everything. */
  downRegions: z.array(z.string()).default([]),
});

/** Faults the emulator can inject. */
export type FaultOptions = z.infer<typeof faultOptionsSchema>;

/** Input form: every field optional. */
export type FaultOptionsInput = z.input<typeof faultOptionsSchema>;

/** No faults at all. */
export const NO_FAULTS: FaultOptions = faultOptionsSchema.parse({});
