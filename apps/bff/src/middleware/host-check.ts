import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';

/** Options of {@link hostCheck}. */
export interface HostCheckOptions {
  /**
   * The configured `PORT`. Requests that arrive over a socket are held to the port that socket
   * listens on (right even when `PORT=0` let the system pick one); only requests made in process
   * (`app.request`), which have no socket, fall back to this.
   */
  port: number;
}

/** `name[:port]` as it may appear in a Host header; the name is a bracketed IPv6 address or a DNS/IPv4 name. */
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;
const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** `localhost` and its subdomains, which browsers resolve to loopback themselves (no DNS to rebind). */
const LOCALHOST = /^([a-z0-9-]+\.)*localhost$/i;

/** The names this check accepts, as the refusal states them. */
const LOOPBACK_HOSTS = 'localhost, *.localhost, 127.0.0.0/8 or [::1]';

function isLoopbackName(name: string): boolean {
  if (name.toLowerCase() === '[::1]' || LOCALHOST.test(name)) return true;
  const octets = IPV4_LOOPBACK.exec(name);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}

/**
 * Whether a Host header names this machine's loopback at `port`. A missing port means 80, the
 * default of `http:` (RFC 9110), so `Host: localhost` only matches a server on port 80.
 * @example isLoopbackAuthority('localhost:8080', 8080) // true
 * @example isLoopbackAuthority('evil.example:8080', 8080) // false
 */
export function isLoopbackAuthority(host: string, port: number): boolean {
  const match = AUTHORITY.exec(host);
  if (!match) return false;
  const [, name = '', explicitPort] = match;
  return isLoopbackName(name) && (explicitPort === undefined ? 80 : Number(explicitPort)) === port;
}

/** The Host header made safe to quote: only authority characters, at most 80 of them. */
function quotable(host: string | undefined): string {
  if (host === undefined) return 'no Host header';
  const safe = host.replace(/[^A-Za-z0-9.:[\]-]/g, '?');
  return `Host "${safe.length > 80 ? `${safe.slice(0, 80)}…` : safe}"`;
}

/**
 * Refuses, with 421 `MisdirectedRequest`, any request whose Host is not a loopback name at the port
 * the server listens on. Mount it before auth and every route when `FC_AUTH=none` (after the
 * request id, so the refusal is logged and quotable): the dashboard then has no login, and DNS rebinding (a page whose own name is re-pointed at 127.0.0.1) would
 * otherwise read it as same-origin. The browser still sends the attacker's name as Host, so
 * checking the name is enough; nothing is exempt, since every legitimate local client (a browser,
 * curl, a health probe on this machine) names a loopback host anyway.
 *
 * Requests without a Host header: over the network they are refused (Node already refuses them
 * for HTTP/1.1); in process (`app.request('/path')` in tests) there is no socket and no browser,
 * so they pass.
 * @example if (env.FC_AUTH === 'none') app.use('*', hostCheck({ port: env.PORT }));
 */
export function hostCheck(options: HostCheckOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // `c.env` is undefined when the app is driven through `app.request` without bindings.
    const socket = c.env?.incoming?.socket;
    const host = c.req.header('host');
    if (host === undefined && socket === undefined) return next();
    const port = socket?.localPort ?? options.port;
    if (host !== undefined && isLoopbackAuthority(host, port)) return next();
    throw new ApiError(
      'MisdirectedRequest',
      `Refused ${quotable(host)}: with FC_AUTH=none this server only answers to ${LOOPBACK_HOSTS} at port ${port}, ` +
        `so that no other web site can reach it through DNS rebinding. Use localhost:${port} or 127.0.0.1:${port} ` +
        'in the address, or set FC_AUTH=token or trusted-header to serve it under another name.',
    );
  };
}
