import { sha256Hex, timingSafeEqual } from '@fc-fleet/fc-api';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { clientAddress, createProxyMatcher } from './client-address.ts';
import { createSessionCodec, SESSION_COOKIE, type SessionRefusal } from './session-cookie.ts';
import { createSessionEndpoints } from './session-endpoints.ts';

/** How `createAuth` decides who is asking. */
export interface AuthOptions {
  mode: 'none' | 'token' | 'trusted-header';
  /** The shared token of token mode. */
  token?: string;
  /** The header a trusted proxy puts the user name in, e.g. `x-forwarded-user`. */
  trustedHeader: string;
  /** Proxy addresses or CIDR ranges (see `parseProxyEntry`) whose user header and `X-Forwarded-Proto` are believed. */
  trustedProxies: readonly string[];
  /** Signs session cookies in token mode; at least 32 characters. Sessions are also bound to `token`. */
  sessionSecret: string;
  sessionTtlMs: number;
  /** True when the dashboard may be embedded (FC_FRAME_ANCESTORS non-empty): the cookie must cross sites. */
  framed: boolean;
  /** `/` or a prefix such as `/tools/fc-fleet`, without a trailing slash. */
  basePath: string;
  now?: () => number;
}

/** The auth middleware, the sign-in handler for `GET {basePath}/login` and the sign-out one for `{basePath}/logout`. */
export interface Auth {
  middleware: MiddlewareHandler<AppEnv>;
  login: Handler<AppEnv>;
  /** Mount with `all`: it answers POST with 204 and a cleared cookie, anything else with 405. */
  logout: Handler<AppEnv>;
}

// Printable ASCII only: the value ends up in logs and rate-limit keys.
const USER_NAME = /^[\x20-\x7e]{1,256}$/;

const REFUSAL: Record<SessionRefusal, string> = {
  expired: 'Your session expired',
  'credential-changed': 'The sign-in token has changed since you signed in',
  malformed: 'Your session cookie is invalid',
  forged: 'Your session cookie is invalid',
};

/**
 * Authentication for every mode. Sets `principal` (`token`, `user:<name>` or the client address) and
 * `rateLimitKey` (the session id, the bearer client's address, the user or the address), or throws
 * `Unauthorized`/`Forbidden`. Probes (`/healthz`, `/readyz`), sign-in and sign-out pass.
 * @example
 * const auth = createAuth({ mode: 'token', token, trustedHeader: 'x-forwarded-user', trustedProxies: [],
 *   sessionSecret, sessionTtlMs: 12 * 3_600_000, framed: false, basePath: '/' });
 * app.get('/login', auth.login).all('/logout', auth.logout).use(auth.middleware);
 */
export function createAuth(options: AuthOptions): Auth {
  const base = options.basePath === '/' ? '' : options.basePath;
  const loginPath = `${base}/login`;
  const logoutPath = `${base}/logout`;
  const exempt = new Set([`${base}/healthz`, `${base}/readyz`, loginPath, logoutPath]);
  const isTrustedProxy = createProxyMatcher(options.trustedProxies);
  const signIn = `Sign in: open ${loginPath}?token=… or send Authorization: Bearer …`;

  const { token } = options;
  if (options.mode === 'token' && !token) throw new Error('token mode needs a token');
  // Comparing hashes keeps the comparison's time independent of the token's length too.
  const tokenHash = sha256Hex(token ?? '');
  const tokenMatches = async (given: string) => timingSafeEqual(await sha256Hex(given), await tokenHash);
  const codec =
    options.mode === 'token' && token
      ? createSessionCodec({
          secret: options.sessionSecret,
          credential: token,
          ttlMs: options.sessionTtlMs,
          now: options.now ?? Date.now,
        })
      : undefined;

  /** Who asks in token mode, and whose bucket they draw on: their session's, or their address's. */
  const fromToken = async (c: Context<AppEnv>): Promise<[principal: string, rateLimitKey: string]> => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
      if (bearer && (await tokenMatches(bearer))) return ['token', `bearer:${clientAddress(c) ?? 'local'}`];
      throw new ApiError(
        'Unauthorized',
        `The Authorization header does not hold the right bearer token. ${signIn}`,
      );
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie === undefined || !codec) throw new ApiError('Unauthorized', signIn);
    const verdict = await codec.verify(cookie);
    if (verdict.ok) return ['token', `session:${verdict.sessionId}`];
    throw new ApiError('Unauthorized', `${REFUSAL[verdict.reason]}. ${signIn}`);
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
    // Node joins a header sent twice with ", ", so a comma cannot be told from two users: refuse both.
    if (user.includes(','))
      throw new ApiError(
        'Unauthorized',
        `The ${header} header holds more than one value (sent twice, or with a comma); the proxy must send exactly one user`,
      );
    if (!USER_NAME.test(user))
      throw new ApiError('Unauthorized', `The ${header} header is not a valid user name`);
    return `user:${user}`;
  };

  const identify = async (c: Context<AppEnv>): Promise<[principal: string, rateLimitKey: string]> => {
    if (options.mode === 'none' || exempt.has(c.req.path)) {
      const address = clientAddress(c) ?? 'local';
      return [address, address];
    }
    if (options.mode === 'token') return fromToken(c);
    const user = fromTrustedHeader(c);
    return [user, user];
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const [principal, rateLimitKey] = await identify(c);
    c.set('principal', principal);
    c.set('rateLimitKey', rateLimitKey);
    await next();
  };

  const { login, logout } = createSessionEndpoints({
    codec,
    tokenMatches,
    isTrustedProxy,
    basePath: options.basePath,
    sessionTtlMs: options.sessionTtlMs,
    framed: options.framed,
    signInHint: signIn,
  });

  return { middleware, login, logout };
}
