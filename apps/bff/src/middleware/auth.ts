import { sha256Hex, timingSafeEqual } from '@fc-fleet/fc-api';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { clientAddress, createProxyMatcher } from './client-address.ts';
import { createSessionCodec } from './session-cookie.ts';

/** The name of the session cookie that `login` sets in token mode. */
export const SESSION_COOKIE = 'fc_fleet_session';

/** How `createAuth` decides who is asking. */
export interface AuthOptions {
  mode: 'none' | 'token' | 'trusted-header';
  /** The shared token of token mode. */
  token?: string;
  /** The header a trusted proxy puts the user name in, e.g. `x-forwarded-user`. */
  trustedHeader: string;
  /** Proxy addresses (exact, or IPv4 CIDR) whose user header and `X-Forwarded-Proto` are believed. */
  trustedProxies: readonly string[];
  /** Signs session cookies in token mode; at least 32 characters. */
  sessionSecret: string;
  sessionTtlMs: number;
  /** True when the dashboard may be embedded (FC_FRAME_ANCESTORS non-empty): the cookie must cross sites. */
  framed: boolean;
  /** `/` or a prefix such as `/tools/fc-fleet`, without a trailing slash. */
  basePath: string;
  now?: () => number;
}

/** The auth middleware and the sign-in handler to mount at `{basePath}/login`. */
export interface Auth {
  middleware: MiddlewareHandler<AppEnv>;
  login: Handler<AppEnv>;
}

// Printable ASCII only: the value ends up in logs and rate-limit keys.
const USER_NAME = /^[\x20-\x7e]{1,256}$/;

/**
 * Authentication for every mode. Sets `principal` (`token`, `user:<name>` or the client address)
 * or throws `Unauthorized`/`Forbidden`. Probes (`/healthz`, `/readyz`) and the sign-in path pass.
 * @example
 * const auth = createAuth({ mode: 'token', token, trustedHeader: 'x-forwarded-user', trustedProxies: [],
 *   sessionSecret, sessionTtlMs: 12 * 3_600_000, framed: false, basePath: '/' });
 * app.use(auth.middleware).get('/login', auth.login);
 */
export function createAuth(options: AuthOptions): Auth {
  const base = options.basePath === '/' ? '' : options.basePath;
  const home = `${base}/`;
  const loginPath = `${base}/login`;
  const exempt = new Set([`${base}/healthz`, `${base}/readyz`, loginPath]);
  const isTrustedProxy = createProxyMatcher(options.trustedProxies);
  const signIn = `Sign in: open ${loginPath}?token=… or send Authorization: Bearer …`;

  const { token } = options;
  if (options.mode === 'token' && !token) throw new Error('token mode needs a token');
  // Comparing hashes keeps the comparison's time independent of the token's length too.
  const tokenHash = sha256Hex(token ?? '');
  const tokenMatches = async (given: string) => timingSafeEqual(await sha256Hex(given), await tokenHash);
  const codec =
    options.mode === 'token'
      ? createSessionCodec(options.sessionSecret, options.sessionTtlMs, options.now ?? Date.now)
      : undefined;

  const fromToken = async (c: Context<AppEnv>): Promise<string> => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
      if (bearer && (await tokenMatches(bearer))) return 'token';
      throw new ApiError(
        'Unauthorized',
        `The Authorization header does not hold the right bearer token. ${signIn}`,
      );
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie === undefined || !codec) throw new ApiError('Unauthorized', signIn);
    const verdict = await codec.verify(cookie);
    if (verdict.ok) return verdict.subject;
    const why = verdict.reason === 'expired' ? 'Your session expired' : 'Your session cookie is invalid';
    throw new ApiError('Unauthorized', `${why}. ${signIn}`);
  };

  const fromTrustedHeader = (c: Context<AppEnv>): string => {
    const address = clientAddress(c);
    const header = options.trustedHeader;
    if (!isTrustedProxy(address)) {
      throw new ApiError(
        'Forbidden',
        `${address ?? 'The client'} is not a trusted proxy; sign in through the proxy`,
      );
    }
    const user = c.req.header(header);
    if (user === undefined) throw new ApiError('Unauthorized', `The proxy did not send the ${header} header`);
    if (!USER_NAME.test(user))
      throw new ApiError('Unauthorized', `The ${header} header is not a valid user name`);
    return `user:${user}`;
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (options.mode === 'none' || exempt.has(c.req.path)) c.set('principal', clientAddress(c) ?? 'local');
    else c.set('principal', options.mode === 'token' ? await fromToken(c) : fromTrustedHeader(c));
    await next();
  };

  const isHttps = (c: Context<AppEnv>): boolean => {
    if (new URL(c.req.url).protocol === 'https:') return true;
    const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    return forwarded === 'https' && isTrustedProxy(clientAddress(c));
  };

  const cookieOptions = (c: Context<AppEnv>): CookieOptions => {
    const common = {
      httpOnly: true,
      path: options.basePath,
      maxAge: Math.floor(options.sessionTtlMs / 1000),
    };
    // A framed dashboard is a third-party context: only SameSite=None (which needs Secure) is sent there,
    // and Partitioned keeps the cookie in the embedding site's jar.
    if (options.framed) return { ...common, sameSite: 'None', secure: true, partitioned: true };
    return { ...common, sameSite: 'Lax', secure: isHttps(c) };
  };

  const login: Handler<AppEnv> = async (c) => {
    // Only token mode signs in here; elsewhere the middleware has already decided.
    if (!codec) return c.redirect(home, 303);
    const given = c.req.query('token');
    if (!given || !(await tokenMatches(given))) {
      throw new ApiError('Unauthorized', `The sign-in token is missing or wrong. ${signIn}`);
    }
    setCookie(c, SESSION_COOKIE, await codec.issue('token'), cookieOptions(c));
    // The token was in the URL: keep it out of caches and Referer headers.
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    // Never redirect anywhere the request names: only home.
    return c.redirect(home, 303);
  };

  return { middleware, login };
}
