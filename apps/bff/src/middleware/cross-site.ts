import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * Whether a browser says the request was started by another site (a cross-site form or fetch).
 * `Sec-Fetch-Site` decides when present (every current browser sends it); otherwise an `Origin`
 * whose host is not ours does. A request without either (curl, a script) is not a browser's and passes.
 * @example if (isCrossSite(c)) throw new ApiError('Forbidden', 'Only the dashboard itself can do that.');
 */
export function isCrossSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  const ours = c.req.header('host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host !== ours;
  } catch {
    return true;
  }
}
