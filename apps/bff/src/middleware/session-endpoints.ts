import type { Context, Handler } from 'hono';
import { setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { arrivedOverHttps } from './client-address.ts';
import { isCrossSite } from './cross-site.ts';
import { SESSION_COOKIE, type SessionCodec } from './session-cookie.ts';

/** What the sign-in and sign-out handlers need; `createAuth` builds it. */
export interface SessionEndpointsOptions {
  /** Undefined outside token mode: sign-in then only redirects home. */
  codec: SessionCodec | undefined;
  tokenMatches: (given: string) => Promise<boolean>;
  isTrustedProxy: (address: string | undefined) => boolean;
  /** `/` or a prefix such as `/tools/fc-fleet`, without a trailing slash. */
  basePath: string;
  sessionTtlMs: number;
  /** True when the dashboard may be embedded: the cookie must cross sites. */
  framed: boolean;
  /** How to sign in, appended to every refusal. */
  signInHint: string;
}

/**
 * `GET {basePath}/login?token=…` sets the session cookie and redirects home; `POST {basePath}/logout`
 * clears it (204). Both keep the cookie's attributes in one place, so the browser clears what it set.
 * @example const { login, logout } = createSessionEndpoints({ codec, tokenMatches, ... });
 */
export function createSessionEndpoints(options: SessionEndpointsOptions) {
  const { codec } = options;
  const base = options.basePath === '/' ? '' : options.basePath;
  const home = `${base}/`;

  const cookieOptions = (c: Context<AppEnv>): CookieOptions => {
    const common = {
      httpOnly: true,
      path: options.basePath,
      maxAge: Math.floor(options.sessionTtlMs / 1000),
    };
    // A framed dashboard is a third-party context: only SameSite=None (which needs Secure) is sent there,
    // and Partitioned keeps the cookie in the embedding site's jar.
    if (options.framed) return { ...common, sameSite: 'None', secure: true, partitioned: true };
    return { ...common, sameSite: 'Lax', secure: arrivedOverHttps(c, options.isTrustedProxy) };
  };

  const login: Handler<AppEnv> = async (c) => {
    // Only token mode signs in here; elsewhere the middleware has already decided.
    if (!codec) return c.redirect(home, 303);
    const given = c.req.query('token');
    if (!given || !(await options.tokenMatches(given))) {
      throw new ApiError('Unauthorized', `The sign-in token is missing or wrong. ${options.signInHint}`);
    }
    setCookie(c, SESSION_COOKIE, (await codec.issue()).value, cookieOptions(c));
    // The token was in the URL: keep it out of caches and Referer headers.
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    // Never redirect anywhere the request names: only home.
    return c.redirect(home, 303);
  };

  // A POST, never a GET: a link or an image must not sign anyone out, nor may another site's form.
  const logout: Handler<AppEnv> = (c) => {
    if (c.req.method !== 'POST')
      throw new ApiError('MethodNotAllowed', `Sign out with POST ${base}/logout.`, { Allow: 'POST' });
    if (isCrossSite(c)) throw new ApiError('Forbidden', 'Only the dashboard itself can sign you out.');
    // The same attributes as at sign-in (Path, SameSite, Secure, Partitioned), or the browser keeps the cookie.
    setCookie(c, SESSION_COOKIE, '', { ...cookieOptions(c), maxAge: 0 });
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  };

  return { login, logout };
}
