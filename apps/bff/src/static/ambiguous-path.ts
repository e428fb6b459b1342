import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';

/** Two separators in a row, where a browser treats `\` like `/` (so `/\` counts too). */
const DOUBLE_SEPARATOR = /[/\\]{2}/;

/**
 * Whether a raw URL path holds `//` or `/\`, as written or after one percent-decoding (`%2F`,
 * `%5C`). To the server such a path is harmless, but the browser that shows a page at
 * `//evil.example/x` reads `location.pathname` as a protocol-relative URL to evil.example; proxies
 * that decode `%2F` turn the encoded forms into the same thing.
 * @example isAmbiguousPath('//evil.example/x') // true
 * @example isAmbiguousPath('/tools/fc-fleet/assets/index-AbCd1234.js') // false
 */
export function isAmbiguousPath(rawPath: string): boolean {
  if (rawPath.includes('\\') || DOUBLE_SEPARATOR.test(rawPath)) return true;
  try {
    return DOUBLE_SEPARATOR.test(decodeURIComponent(rawPath));
  } catch {
    // Malformed escapes are not ambiguous, just wrong: the route or the file lookup refuses them.
    return false;
  }
}

/**
 * Answers every ambiguous path (see {@link isAmbiguousPath}) with the 404 envelope, before any
 * route or the SPA sees it. Deliberately no redirect to a "normalised" path: nothing we build
 * links to such a path, and behind a proxy that joins prefixes with an extra slash a redirect
 * would loop, where a 404 names the mistake.
 * @example app.use('*', refuseAmbiguousPaths());
 */
export function refuseAmbiguousPaths(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isAmbiguousPath(new URL(c.req.url).pathname)) return next();
    throw new ApiError(
      'NotFound',
      "Nothing is served at a path with '//' or '\\' in it, since a browser would read it as another " +
        "site's address. Remove the extra slash; behind a proxy, check how it joins its path prefix.",
    );
  };
}
