import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { arrivedOverHttps, createProxyMatcher } from './client-address.ts';

/** Options for {@link securityHeaders}. */
export interface SecurityHeadersOptions {
  /** Origins allowed to frame the dashboard (e.g. `https://portal.example.com`); empty means nobody. */
  frameAncestors: readonly string[];
  /** `/` or a prefix such as `/tools/fc-fleet`: answers under `{basePath}/api/` are never cached. */
  basePath?: string;
  /** Proxies whose `X-Forwarded-Proto: https` is believed (see `parseProxyEntry`); none by default. */
  trustedProxies?: readonly string[];
}

/** HSTS for a year; without `includeSubDomains`, since the dashboard may share a domain it does not own. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

const REFERRER_POLICY = 'strict-origin-when-cross-origin';
// Policies that send no more than the default does: a route may choose one of them for itself.
const AT_LEAST_AS_STRICT = new Set(['no-referrer', 'same-origin', 'strict-origin', REFERRER_POLICY]);

/**
 * Builds the Content-Security-Policy value. Scripts never get `'unsafe-inline'`; only style
 * attributes do, because the table's virtualiser positions rows through `style="..."`.
 * @example buildContentSecurityPolicy([]) // "default-src 'self'; ...; frame-ancestors 'none'"
 */
export function buildContentSecurityPolicy(frameAncestors: readonly string[]): string {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/**
 * Sets the browser security headers on every response: API, static and error responses alike
 * (it runs after `next()`, when `app.onError` has already produced the error response).
 * It never emits CORS headers: the SPA is same-origin, so cross-origin reads stay blocked.
 * `X-Frame-Options: DENY` is sent only when no frame ancestor is allowed; otherwise the CSP
 * `frame-ancestors` list governs framing (XFO cannot express an allow-list).
 * A route's own stricter `Referrer-Policy` (`/login` sends `no-referrer`) is kept; a looser one is not.
 * Every answer under `{basePath}/api/` gets `Cache-Control: no-store`, errors included. HSTS is sent
 * only over https: an https URL, or `X-Forwarded-Proto: https` from a trusted proxy.
 * @example app.use(securityHeaders({ frameAncestors: [], basePath: '/', trustedProxies: ['10.0.0.5'] }));
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler<AppEnv> {
  const headers: [string, string][] = [
    ['Content-Security-Policy', buildContentSecurityPolicy(options.frameAncestors)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
  if (options.frameAncestors.length === 0) headers.push(['X-Frame-Options', 'DENY']);
  const base = !options.basePath || options.basePath === '/' ? '' : options.basePath;
  const isApi = (path: string) => path === `${base}/api` || path.startsWith(`${base}/api/`);
  const isTrustedProxy = createProxyMatcher(options.trustedProxies ?? []);

  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
    const referrerPolicy = c.res.headers.get('Referrer-Policy')?.trim().toLowerCase();
    if (!referrerPolicy || !AT_LEAST_AS_STRICT.has(referrerPolicy))
      c.res.headers.set('Referrer-Policy', REFERRER_POLICY);
    // API answers are per user and change by the second: no cache, shared or private, may keep one.
    if (isApi(c.req.path)) c.res.headers.set('Cache-Control', 'no-store');
    if (arrivedOverHttps(c, isTrustedProxy))
      c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    else c.res.headers.delete('Strict-Transport-Security');
    // Nothing in this app may grant cross-origin access, whoever set it.
    c.res.headers.delete('Access-Control-Allow-Origin');
    c.res.headers.delete('Access-Control-Allow-Credentials');
  };
}
