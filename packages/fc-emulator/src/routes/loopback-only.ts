import type { MiddlewareHandler } from 'hono';
import { type EmulatorEnv, errorResponse } from '../errors.ts';

/**
 * Whether a peer address, as Node reports it, is the loopback interface: 127.0.0.0/8, `::1`, or
 * 127.x written as IPv4-mapped IPv6.
 * @example isLoopbackAddress('::ffff:127.0.0.1'); // true
 */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.toLowerCase().replace(/^::ffff:/, '');
  return /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(v4) || address === '::1';
}

// `@hono/node-server` passes `{ incoming, outgoing }` as the bindings; `app.fetch` and
// `app.request` in-process pass none. Read as unknown: the app is typed without Node bindings.
function nodePeer(env: unknown): { address: string | undefined } | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  const address =
    typeof socket === 'object' && socket !== null && 'remoteAddress' in socket
      ? socket.remoteAddress
      : undefined;
  return { address: typeof address === 'string' ? address : undefined };
}

/**
 * Refuses, with 403 `AccessDenied`, a request that came over a socket from anywhere but loopback:
 * the control routes are unsigned, so binding the server to 0.0.0.0 must not open them to the
 * network. A request with no socket at all was made in-process (`app.fetch`) and is let through.
 * @example new Hono<EmulatorEnv>().use('*', loopbackOnly()).get('/stats', handler);
 */
export function loopbackOnly(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const peer = nodePeer(c.env);
    if (peer && !(peer.address && isLoopbackAddress(peer.address)))
      return errorResponse(c, {
        status: 403,
        code: 'AccessDenied',
        message: `The emulator's control routes answer loopback clients only, not ${peer.address ?? 'an unknown peer'}.`,
      });
    await next();
    return undefined;
  };
}
