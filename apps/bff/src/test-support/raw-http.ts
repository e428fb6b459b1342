import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/** A server on a free loopback port, as `server.ts` would run it. */
export interface Listening {
  port: number;
  close: () => Promise<void>;
}

/** Serves `fetch` on 127.0.0.1 at a port the system picks (`PORT=0`), like `server.ts` does. */
export function listenOnFreePort(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<Listening> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({ port: info.port, close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}

/**
 * Sends bytes exactly as written over TCP and returns the whole answer, status line included:
 * unlike `fetch`, it can send a `//` or `\` request target, any Host header, or none at all.
 * @example await sendRaw(port, 'GET //evil.example/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
 */
export function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}
