import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Options for {@link securityHeaders}. */
export interface SecurityHeadersOptions {
  /** Origins allowed to frame the dashboard (e.g. `https://portal.example.com`); empty means nobody. */
  frameAncestors: readonly string[];
}

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
 * @example app.use(securityHeaders({ frameAncestors: ['https://portal.example.com'] }));
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler<AppEnv> {
  const headers: [string, string][] = [
    ['Content-Security-Policy', buildContentSecurityPolicy(options.frameAncestors)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
  if (options.frameAncestors.length === 0) headers.push(['X-Frame-Options', 'DENY']);

  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
    // Nothing in this app may grant cross-origin access, whoever set it.
    c.res.headers.delete('Access-Control-Allow-Origin');
    c.res.headers.delete('Access-Control-Allow-Credentials');
  };
}
